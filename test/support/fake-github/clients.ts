import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { API_VERSION } from "./server.js";

const RetryingOctokit = Octokit.plugin(retry, throttling);

/**
 * An `@octokit/rest` client wired like Maat's: retry and throttling plugins, the API version
 * pinned, retries taken after GitHub's `retry-after` (kept at 1 s by the fake) or a short back-off.
 */
export function retryingOctokit(
  baseUrl: string,
  token = "ghs_action_token",
): InstanceType<typeof RetryingOctokit> {
  const octokit = new RetryingOctokit({
    auth: token,
    baseUrl,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    // plugin-retry backs off retryCount² × base: 10 ms, 40 ms, 90 ms.
    retry: { retryAfterBaseValue: 10 },
    throttle: {
      onRateLimit: (_after, _options, _octokit, retryCount) => retryCount < 2,
      onSecondaryRateLimit: (_after, _options, _octokit, retryCount) => retryCount < 2,
    },
  });
  pinApiVersion(octokit);
  return octokit;
}

/**
 * Sends `X-GitHub-Api-Version` on every request. Octokit's constructor has no `headers` option
 * (it is silently ignored), so the header goes in through a `before` hook.
 */
export function pinApiVersion(octokit: { hook: Octokit["hook"] }): void {
  octokit.hook.before("request", (options) => {
    options.headers["x-github-api-version"] = API_VERSION;
  });
}
