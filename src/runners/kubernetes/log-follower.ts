import type { Writable } from "node:stream";
import { type Clock, sleep } from "./clock.js";
import type { ClusterApi, Stoppable } from "./cluster-api.js";

export interface LogFollower {
  /** Resolves when the log ended (the container exited) or the follower was stopped. */
  ended: Promise<void>;
  stop(): void;
  /** Why the log could not be followed, when it could not. */
  readonly failure: unknown;
}

/**
 * Follows a container's log into `writer`. The API server may refuse a log request for a
 * moment after the container started; it is asked again a few times before giving up.
 */
export function followContainerLog(
  api: ClusterApi,
  target: { namespace: string; pod: string; container: string },
  writer: Writable,
  clock: Clock,
  attempts = 3,
): LogFollower {
  let handle: Stoppable | undefined;
  let stopped = false;
  let failure: unknown;
  let finish = () => {};
  const ended = new Promise<void>((resolve) => {
    finish = resolve;
  });
  writer.on("finish", () => finish());
  writer.on("close", () => finish());

  void (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        handle = await api.followLog(target.namespace, target.pod, target.container, writer);
        if (stopped) handle.stop();
        return;
      } catch (error) {
        if (attempt >= attempts) {
          failure = error;
          finish();
          return;
        }
        await sleep(clock, 1000 * attempt);
      }
    }
  })();

  return {
    ended,
    stop() {
      stopped = true;
      handle?.stop();
      if (!writer.writableEnded) writer.end();
      finish();
    },
    get failure() {
      return failure;
    },
  };
}
