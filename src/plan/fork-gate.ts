import type { PullRequestEvent } from "./types.js";

export type ForkGate = { trusted: true; note?: string } | { trusted: false; note: string };

/**
 * Self-hosted runners must never run code from a fork that nobody vetted. A fork pull
 * request is trusted only at the exact head commit where a maintainer applied the trust
 * label; any new push moves the head and needs the label applied again.
 */
export function gateForkPullRequest(event: PullRequestEvent, trustLabel: string): ForkGate {
  if (!event.isFork) return { trusted: true };
  const head = shortSha(event.headSha);
  if (event.trustedSha !== undefined && event.trustedSha === event.headSha) {
    return {
      trusted: true,
      note: `Pull request from a fork: trusted at commit ${head} by the label \`${trustLabel}\`.`,
    };
  }
  const stale =
    event.trustedSha === undefined
      ? ""
      : `The label \`${trustLabel}\` was applied at commit ${shortSha(event.trustedSha)}, but the head is now ${head}. `;
  return {
    trusted: false,
    note:
      `Benchmarks did not run: this pull request comes from a fork, and its code runs on self-hosted runners only once a maintainer vouches for it. ${stale}` +
      `A maintainer can apply the label \`${trustLabel}\` to run benchmarks on commit ${head}; pushing new commits requires applying it again.`,
  };
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}
