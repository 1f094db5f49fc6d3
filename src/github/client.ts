import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";

/** The REST API version Maat is written against; sent on every request. */
export const GITHUB_API_VERSION = "2022-11-28";

export type GitHubClient = InstanceType<typeof MaatOctokit>;

const MaatOctokit = Octokit.plugin(retry, throttling);

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL` (GitHub Enterprise, or a test server). */
  baseUrl?: string;
  /** Rate-limit retries before giving up; each waits as long as GitHub says. */
  maxRateLimitRetries?: number;
  log?: (message: string) => void;
}

/**
 * An Octokit with retries for transient failures and GitHub's rate-limit protocol
 * (primary and secondary limits, `retry-after`), and the API version header pinned.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const maxRetries = options.maxRateLimitRetries ?? 3;
  const log = options.log ?? (() => {});
  const octokit = new MaatOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? "https://api.github.com",
    userAgent: "maat-benchmark-action",
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
    retry: { retries: 3 },
    throttle: {
      onRateLimit: (retryAfter, requestOptions, _octokit, retryCount) => {
        log(
          `GitHub rate limit on ${requestOptions.method} ${requestOptions.url}; retrying in ${retryAfter}s`,
        );
        return retryCount < maxRetries;
      },
      onSecondaryRateLimit: (retryAfter, requestOptions, _octokit, retryCount) => {
        log(
          `GitHub secondary rate limit on ${requestOptions.method} ${requestOptions.url}; retrying in ${retryAfter}s`,
        );
        return retryCount < maxRetries;
      },
    },
  });
  // Octokit's constructor has no `headers` option (it is silently ignored): pin it in a hook.
  octokit.hook.before("request", (request) => {
    request.headers["x-github-api-version"] = GITHUB_API_VERSION;
  });
  return octokit;
}
