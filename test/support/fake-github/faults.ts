import { errorReply, type Reply } from "./http/reply.js";

/** Which requests a fault applies to; every given field must match. */
export interface RequestMatcher {
  method?: string;
  /** An OpenAPI path template (`/repos/{owner}/{repo}/issues`), a literal path, or a pattern. */
  path?: string | RegExp;
  operationId?: string;
}

export type FaultKind =
  | { kind: "secondary-rate-limit"; retryAfterSeconds?: number }
  | { kind: "too-many-requests"; retryAfterSeconds?: number }
  | { kind: "server-error"; status?: 500 | 502 | 503 | 504 }
  /** Does the work (the comment is saved), then answers 5xx, as GitHub sometimes does. */
  | { kind: "server-error-after-write"; status?: 500 | 502 | 503 | 504 }
  /** Never answers; the connection stays open until the client gives up or the server closes. */
  | { kind: "hang" }
  /** Answers normally after a delay. */
  | { kind: "slow"; delayMs: number }
  /** A 403 with GitHub's message, as for a token or repository setting that does not allow it. */
  | { kind: "forbidden"; message: string };

export type Fault = FaultKind & RequestMatcher & { times: number };

interface RequestFacts {
  method: string;
  path: string;
  template?: string;
  operationId?: string;
}

/** What the server should do instead of (or before) answering normally. */
export type FaultAction = { reply: Reply } | { hang: true } | { delayMs: number } | { afterHandling: Reply };

/**
 * Makes the next N matching requests fail the way GitHub fails: secondary rate limits, 429s,
 * 5xx, hangs and slow answers, plus an exhausted primary rate limit until a reset time.
 */
export class FaultInjector {
  readonly #faults: Fault[] = [];
  #primaryResetAt: number | undefined;
  /** Faults that fired, in order, so tests can check a retry really happened. */
  readonly fired: Array<{ kind: FaultKind["kind"] | "primary-rate-limit"; method: string; path: string }> =
    [];

  /** Adds a fault for the next `times` (default 1) matching requests. */
  inject(fault: FaultKind & RequestMatcher & { times?: number }): void {
    this.#faults.push({ ...fault, times: fault.times ?? 1 });
  }

  secondaryRateLimit(match: RequestMatcher = {}, times = 1): void {
    this.inject({ kind: "secondary-rate-limit", ...match, times });
  }

  serverError(match: RequestMatcher = {}, status: 500 | 502 | 503 | 504 = 502, times = 1): void {
    this.inject({ kind: "server-error", status, ...match, times });
  }

  /** Every request answers 403 with `x-ratelimit-remaining: 0` until the reset, as GitHub does. */
  exhaustPrimaryRateLimit(options: { resetAfterSeconds?: number } = {}): void {
    this.#primaryResetAt = Math.ceil(Date.now() / 1000) + (options.resetAfterSeconds ?? 1);
  }

  /** Epoch seconds at which an exhausted primary limit resets, if it is exhausted now. */
  primaryResetAt(): number | undefined {
    if (this.#primaryResetAt !== undefined && Date.now() / 1000 >= this.#primaryResetAt)
      this.#primaryResetAt = undefined;
    return this.#primaryResetAt;
  }

  pending(): readonly Fault[] {
    return this.#faults.filter((f) => f.times > 0);
  }

  clear(): void {
    this.#faults.length = 0;
    this.#primaryResetAt = undefined;
  }

  /** Consumes the first matching fault and says what to do, or `undefined` to answer normally. */
  take(request: RequestFacts): FaultAction | undefined {
    const resetAt = this.primaryResetAt();
    if (resetAt !== undefined) {
      this.fired.push({ kind: "primary-rate-limit", method: request.method, path: request.path });
      return {
        reply: errorReply(
          403,
          "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.",
          {
            headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(resetAt) },
          },
        ),
      };
    }
    const fault = this.#faults.find((f) => f.times > 0 && matches(f, request));
    if (!fault) return undefined;
    fault.times--;
    this.fired.push({ kind: fault.kind, method: request.method, path: request.path });
    switch (fault.kind) {
      case "secondary-rate-limit":
      case "too-many-requests":
        return {
          reply: errorReply(
            fault.kind === "secondary-rate-limit" ? 403 : 429,
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
            { headers: { "retry-after": String(fault.retryAfterSeconds ?? 1) } },
          ),
        };
      case "server-error":
        return { reply: errorReply(fault.status ?? 502, SERVER_ERRORS[fault.status ?? 502]) };
      case "server-error-after-write":
        return { afterHandling: errorReply(fault.status ?? 502, SERVER_ERRORS[fault.status ?? 502]) };
      case "hang":
        return { hang: true };
      case "slow":
        return { delayMs: fault.delayMs };
      case "forbidden":
        return { reply: errorReply(403, fault.message) };
    }
  }
}

const SERVER_ERRORS = {
  500: "Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function matches(matcher: RequestMatcher, request: RequestFacts): boolean {
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  if (matcher.operationId && matcher.operationId !== request.operationId) return false;
  if (matcher.path instanceof RegExp) return matcher.path.test(request.path);
  if (matcher.path) return matcher.path === request.path || matcher.path === request.template;
  return true;
}
