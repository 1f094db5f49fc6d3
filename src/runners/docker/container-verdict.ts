import type { RunStatus } from "../../results/receipt-types.js";
import { describeExit } from "../local/exit-status.js";
import type { ContainerExit } from "./container.js";
import { hintFor } from "./docker-cli.js";

/** Pure. A container's end as the receipt says it: status and one sentence. */
export function judgeContainerExit(
  what: string,
  exit: ContainerExit,
  timeLimitMs: number | undefined,
): { status: RunStatus; reason: string } {
  if (exit.stoppedBy === "cancel") return { status: "error", reason: "cancelled" };
  if (exit.stoppedBy === "time limit") {
    const limit = ((timeLimitMs ?? 0) / 1000).toString();
    return {
      status: "timed_out",
      reason: `${what} exceeded its time limit of ${limit} s and its container was stopped`,
    };
  }
  if (exit.startError !== undefined) {
    const hint = hintFor(exit.startError);
    return {
      status: "error",
      reason: `${what} could not be started: ${exit.startError}${hint === undefined ? "" : ` (${hint})`}`,
    };
  }
  if (exit.oomKilled) {
    return {
      status: "failed",
      reason: `${what} ran out of memory: its container was OOMKilled (exit code ${exit.exitCode ?? "unknown"})`,
    };
  }
  return exit.exitCode === 0
    ? { status: "succeeded", reason: `${what} exited with code 0` }
    : { status: "failed", reason: `${what} ${describeExit({ exitCode: exit.exitCode, signal: null })}` };
}
