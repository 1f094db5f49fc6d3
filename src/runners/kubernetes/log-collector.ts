import type { V1Pod } from "@kubernetes/client-node";
import type { OutputLog } from "../output-log.js";
import { type Clock, within } from "./clock.js";
import type { ClusterApi } from "./cluster-api.js";
import { followContainerLog, type LogFollower } from "./log-follower.js";
import { hasStarted, mainContainerName, podName, podsOf } from "./pod-facts.js";
import type { Workload } from "./workload.js";

type Role = "benchmark" | "server";

/** Follows the logs of the run's benchmark pods (and server pods) into their output logs. */
export interface LogCollector {
  /** Starts following every benchmark or server pod whose container has started, once each. */
  follow(pods: V1Pod[]): void;
  /** Waits up to `ms` for the role's logs to end, then stops following them. */
  drain(role: Role, ms: number): Promise<void>;
  stopAll(): void;
  /** Notes about logs that could not be followed. */
  failures(): string[];
}

export function createLogCollector(options: {
  api: ClusterApi;
  namespace: string;
  clock: Clock;
  workload: Workload;
  benchmarkLog: OutputLog;
  serverLog?: OutputLog;
}): LogCollector {
  const { api, namespace, clock, workload } = options;
  const followers = new Map<string, { follower: LogFollower; role: Role }>();
  const start = (pod: V1Pod, role: Role, log: OutputLog) => {
    const name = podName(pod);
    const container = mainContainerName(pod);
    if (followers.has(name) || container === undefined || !hasStarted(pod)) return;
    const follower = followContainerLog(
      api,
      { namespace, pod: name, container },
      log.writer(name, role === "server" ? "server" : "stdout"),
      clock,
    );
    followers.set(name, { follower, role });
  };
  return {
    follow(pods) {
      for (const pod of podsOf(pods, workload.benchmarkComponent))
        start(pod, "benchmark", options.benchmarkLog);
      const { serverLog } = options;
      if (serverLog === undefined || workload.serverComponent === undefined) return;
      for (const pod of podsOf(pods, workload.serverComponent)) start(pod, "server", serverLog);
    },
    async drain(role, ms) {
      const mine = [...followers.values()].filter((entry) => entry.role === role);
      await within(clock, ms, Promise.all(mine.map((entry) => entry.follower.ended)));
      for (const entry of mine) entry.follower.stop();
    },
    stopAll() {
      for (const { follower } of followers.values()) follower.stop();
    },
    failures() {
      return [...followers]
        .filter(([, { follower }]) => follower.failure !== undefined)
        .map(([pod, { follower }]) => `could not follow the log of pod ${pod}: ${String(follower.failure)}`);
    },
  };
}
