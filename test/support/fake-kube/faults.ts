import { StatusError } from "./status.js";

export interface FailNext {
  /** Only requests with this method (any when left out). */
  method?: string;
  /** Only paths matching this: a RegExp, or a string the path must contain. */
  pathPattern?: string | RegExp;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Sent as `Retry-After` (and `details.retryAfterSeconds`); default 1 for 429. */
  retryAfterSeconds?: number;
  message?: string;
}

const REASONS: Record<number, [string, string]> = {
  429: ["TooManyRequests", "Too many requests, please try again later."],
  500: ["InternalError", "Internal error occurred: fake-kube injected a failure"],
  503: ["ServiceUnavailable", "the server is currently unable to handle the request"],
  504: [
    "Timeout",
    "the server was unable to return a response in the time allotted, but may still be processing the request",
  ],
};

/** Hooks the fault injector uses to reach the watch streams and the change history. */
export interface WatchControls {
  expire(): void;
  drop(): void;
}

/** Failures a test can inject: failing requests, expired watch windows, dropped watch connections. */
export class Faults {
  readonly #pending: Array<FailNext & { times: number }> = [];
  readonly #watches: WatchControls;
  /** Faults that fired, in order, so tests can check that a retry happened. */
  readonly fired: Array<{ method: string; path: string; status: number }> = [];

  constructor(watches: WatchControls) {
    this.#watches = watches;
  }

  /** Makes the next `times` matching requests answer `status` with a real-looking Status body. */
  failNext(fault: FailNext): void {
    this.#pending.push({ ...fault, times: fault.times ?? 1 });
  }

  /**
   * Compacts the change history, as etcd does: open watches get an ERROR event with a 410
   * `Expired` Status and end, and watching from any earlier resourceVersion gets the same.
   */
  expireWatches(): void {
    this.#watches.expire();
  }

  /** Cuts every open watch connection without a goodbye, as a load balancer timeout does. */
  dropWatches(): void {
    this.#watches.drop();
  }

  clear(): void {
    this.#pending.length = 0;
  }

  /** The failure for this request, consuming one use of the fault, or `undefined`. */
  take(method: string, path: string): StatusError | undefined {
    const fault = this.#pending.find((f) => f.times > 0 && matches(f, method, path));
    if (fault === undefined) return undefined;
    fault.times--;
    this.fired.push({ method, path, status: fault.status });
    const [reason, message] = REASONS[fault.status] ?? [
      "Unknown",
      `fake-kube injected status ${fault.status}`,
    ];
    const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
    return new StatusError(
      fault.status,
      reason,
      fault.message ?? message,
      retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter },
      retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
    );
  }
}

function matches(fault: FailNext, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.pathPattern instanceof RegExp) return fault.pathPattern.test(path);
  if (fault.pathPattern !== undefined) return path.includes(fault.pathPattern);
  return true;
}
