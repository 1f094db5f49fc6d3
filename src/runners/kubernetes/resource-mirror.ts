import { statusCodeOf } from "./api-errors.js";
import { type Clock, sleep } from "./clock.js";
import type { ClusterApi, KubeObject, Selector, Stoppable } from "./cluster-api.js";
import type { ResourceType } from "./resources.js";

/** A live copy of the objects a selector matches, kept current by a watch. */
export interface ResourceMirror {
  get(name: string): KubeObject | undefined;
  objects(): KubeObject[];
  /** Objects deleted while mirrored, by name, as last seen. */
  readonly deleted: ReadonlyMap<string, KubeObject>;
  /** How often the watch had to be started again from a fresh list (410 Gone, errors). */
  readonly relists: number;
  stop(): void;
}

export interface MirrorOptions {
  api: ClusterApi;
  type: ResourceType;
  namespace: string;
  selector: Selector;
  clock: Clock;
  /** Called after every change the mirror sees. */
  onChange: () => void;
  /** Called once when the watch cannot be kept up (after `maxFailures` failed attempts in a row). */
  onFatal: (error: unknown) => void;
  maxFailures?: number;
  retryDelayMs?: number;
}

/**
 * Lists, then watches from the list's resourceVersion. A watch that ends (server timeout,
 * inactivity) is resumed from the last resourceVersion seen; one that is too old (410 Gone,
 * as an HTTP status or an ERROR event) is resumed from a fresh list. Resolves after the
 * first list, which throws the API's error as is.
 */
export async function mirrorResource(options: MirrorOptions): Promise<ResourceMirror> {
  const { api, type, namespace, selector, clock } = options;
  const maxFailures = options.maxFailures ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const objects = new Map<string, KubeObject>();
  const deleted = new Map<string, KubeObject>();
  let resourceVersion = "";
  let current: Stoppable | undefined;
  let stopped = false;
  let failures = 0;
  let relists = 0;

  const relist = async () => {
    const list = await api.list(type, namespace, selector);
    const seen = new Set<string>();
    for (const object of list.items) {
      const name = object.metadata?.name ?? "";
      seen.add(name);
      objects.set(name, object);
    }
    for (const [name, object] of [...objects]) {
      if (!seen.has(name)) {
        objects.delete(name);
        deleted.set(name, object);
      }
    }
    resourceVersion = list.resourceVersion;
  };

  const watch = async (): Promise<void> => {
    if (stopped) return;
    let ended = false;
    let gone = false;
    let quiet = true;
    const end = (error?: unknown) => {
      if (ended) return;
      ended = true;
      // Never re-enter from inside the client's callback.
      queueMicrotask(() => void resume(gone || statusCodeOf(error) === 410, error, quiet));
    };
    const onEvent = (kind: string, object: KubeObject) => {
      if (kind === "ERROR") {
        gone = statusCodeOf(object) === 410;
        current?.stop();
        end(gone ? undefined : object);
        return;
      }
      failures = 0;
      quiet = false;
      const version = object.metadata?.resourceVersion;
      if (version !== undefined) resourceVersion = version;
      if (kind === "BOOKMARK") return;
      const name = object.metadata?.name ?? "";
      if (kind === "DELETED") {
        objects.delete(name);
        deleted.set(name, object);
      } else {
        objects.set(name, object);
      }
      options.onChange();
    };
    try {
      current = await api.watch(type, namespace, { ...selector, resourceVersion }, onEvent, end);
      if (stopped) current.stop();
    } catch (error) {
      end(error);
    }
  };

  const resume = async (fromList: boolean, error: unknown, quiet = false) => {
    if (stopped) return;
    const failed = error !== undefined && error !== null && !isTimeout(error);
    if (failed) {
      failures++;
      // Credentials and permissions do not fix themselves: give up at once.
      if (failures >= maxFailures || PERMANENT.has(statusCodeOf(error) ?? 0)) {
        stopped = true;
        options.onFatal(error);
        return;
      }
      await sleep(clock, retryDelayMs * failures);
    } else if (quiet && !fromList) {
      // A watch closed before any event: do not spin against a server that keeps closing it.
      await sleep(clock, retryDelayMs);
    }
    if (fromList || failed) {
      try {
        relists++;
        await relist();
        options.onChange();
      } catch (listError) {
        await resume(true, listError);
        return;
      }
    }
    await watch();
  };

  await relist();
  await watch();
  return {
    get: (name) => objects.get(name),
    objects: () => [...objects.values()],
    deleted,
    get relists() {
      return relists;
    },
    stop() {
      stopped = true;
      current?.stop();
    },
  };
}

const PERMANENT = new Set([401, 403, 404]);

/** The client ends an idle watch after 30 s with a TimeoutError: resume it, it is no failure. */
function isTimeout(error: unknown): boolean {
  return (error as { name?: string }).name === "TimeoutError";
}
