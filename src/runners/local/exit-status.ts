import type { RunStatus } from "../../results/receipt-types.js";
import type { GroupExit } from "./process-group.js";
import { signalName } from "./process-group.js";

export type StoppedBy = "time limit" | "cancel" | undefined;

/** Turns how a process ended into a status and a sentence for the receipt. */
export function judgeExit(
  what: string,
  exit: GroupExit,
  stoppedBy: StoppedBy,
  timeLimitMs: number | undefined,
): { status: RunStatus; reason: string } {
  if (stoppedBy === "cancel") return { status: "error", reason: "cancelled" };
  if (stoppedBy === "time limit") {
    const limit = ((timeLimitMs ?? 0) / 1000).toString();
    return {
      status: "timed_out",
      reason: `${what} exceeded its time limit of ${limit} s and was stopped with its whole process group`,
    };
  }
  if (exit.error !== undefined)
    return { status: "error", reason: `${what} could not be started: ${exit.error.message}` };
  return exit.exitCode === 0
    ? { status: "succeeded", reason: `${what} exited with code 0` }
    : { status: "failed", reason: `${what} ${describeExit(exit)}` };
}

/** "exited with code 3", "was killed by signal SIGSEGV", "exited with code 139 (its command was killed by SIGSEGV)". */
export function describeExit(exit: Pick<GroupExit, "exitCode" | "signal">): string {
  if (exit.signal !== null) return `was killed by signal ${exit.signal}`;
  const code = exit.exitCode ?? -1;
  // A shell reports a command killed by signal n as exit code 128 + n.
  const signal = code > 128 && code <= 128 + 64 ? signalName(code - 128) : undefined;
  return signal === undefined
    ? `exited with code ${code}`
    : `exited with code ${code} (its command was killed by signal ${signal})`;
}
