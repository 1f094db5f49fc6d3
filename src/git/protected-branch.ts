import { MaatError } from "../errors.js";
import type { GitError } from "./run-git.js";

/** What GitHub says when a push breaks a branch protection rule or a ruleset. */
const PROTECTED = /GH006|GH013|protected branch|repository rule violations/i;

/**
 * The baseline push refused by a branch rule, with what to do instead; undefined for other
 * failures. A protected default branch is common, and git's own words ("pre-receive hook
 * declined") do not say that Maat can open a pull request instead.
 */
export function protectedBranchError(
  error: GitError,
  target: { branch: string; mode: "push" | "pull_request" },
): MaatError | undefined {
  if (!PROTECTED.test(error.stderr)) return undefined;
  const said = error.stderr
    .split("\n")
    .map((line) => line.replace(/^remote:\s*/, "").trim())
    .find((line) => PROTECTED.test(line));
  const message = `cannot push the baseline update to ${target.branch}: a branch rule protects it (${said})`;
  if (target.mode === "pull_request") {
    return new MaatError(message, {
      hint: `a branch protection rule or ruleset matches ${target.branch}: exclude maat/baselines-* from it, so Maat can push the branch it opens the pull request from`,
      cause: error,
    });
  }
  return new MaatError(message, {
    hint:
      'let Maat open a pull request instead: set baselines.commit = "pull_request" in maat.toml (or ' +
      "baseline-mode: pull_request on the baseline step), give that job pull-requests: write, and enable " +
      '"Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General); ' +
      "or let github-actions[bot] bypass the rule",
    cause: error,
  });
}
