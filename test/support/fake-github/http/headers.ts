import { randomBytes } from "node:crypto";

/** Counts requests against a primary rate limit so every response carries `x-ratelimit-*`. */
export class RateLimitCounter {
  readonly limit = 5000;
  #used = 0;
  #resetAt = Math.ceil(Date.now() / 1000) + 3600;

  headers(overrides: Record<string, string> = {}): Record<string, string> {
    const now = Math.ceil(Date.now() / 1000);
    if (now >= this.#resetAt) {
      this.#used = 0;
      this.#resetAt = now + 3600;
    }
    this.#used = Math.min(this.limit, this.#used + 1);
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(this.limit - this.#used),
      "x-ratelimit-reset": String(this.#resetAt),
      "x-ratelimit-used": String(this.#used),
      "x-ratelimit-resource": "core",
      ...overrides,
    };
  }
}

/** Headers GitHub sends on every API response besides the rate limit. */
export function commonHeaders(): Record<string, string> {
  return {
    "x-github-api-version-selected": "2022-11-28",
    "x-github-media-type": "github.v3; format=json",
    "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
  };
}
