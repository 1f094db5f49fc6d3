import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { protectedBranchError } from "./protected-branch.js";
import { GitError, runGit } from "./run-git.js";

export interface CommitBaselinesOptions {
  /** A clone of the repository (the job's checkout); it is not modified. */
  repoDir: string;
  remote?: string;
  /** The branch that receives the commit (the default branch). */
  branch: string;
  /** Folder of the baselines, relative to the repository root. */
  baselinesPath: string;
  /** Folds the receipts into the baselines folder of a fresh checkout; returns whether files changed. */
  fold: (baselinesDir: string) => Promise<boolean>;
  message: string;
  author?: { name: string; email: string };
  /** "push": commit on `branch`; "pull_request": push to `prBranch` and let the caller open a PR. */
  mode?: "push" | "pull_request";
  prBranch?: string;
  maxAttempts?: number;
  /** Wait before retry n (1-based), in ms; jitter keeps parallel jobs apart. */
  backoffMs?: (attempt: number) => number;
  log?: (message: string) => void;
}

export interface CommitBaselinesResult {
  outcome: "pushed" | "unchanged";
  commit?: string;
  branch: string;
  attempts: number;
}

const DEFAULT_AUTHOR = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

/**
 * Commits baseline updates back to git without losing a run to a concurrent push: each
 * attempt starts from the remote's latest commit in a separate worktree, folds the receipts
 * again, commits and pushes; a rejected push (someone else pushed first) retries.
 */
export async function commitBaselines(options: CommitBaselinesOptions): Promise<CommitBaselinesResult> {
  const remote = options.remote ?? "origin";
  const mode = options.mode ?? "push";
  const target = mode === "push" ? options.branch : (options.prBranch ?? `maat/baselines-${Date.now()}`);
  const maxAttempts = options.maxAttempts ?? 5;
  const author = options.author ?? DEFAULT_AUTHOR;
  const backoff = options.backoffMs ?? ((attempt) => 250 * 2 ** attempt + Math.random() * 250);
  const identity = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const worktree = await mkdtemp(path.join(tmpdir(), "maat-baselines-"));
    try {
      await runGit(options.repoDir, ["fetch", "--quiet", remote, options.branch]);
      await runGit(options.repoDir, ["worktree", "add", "--quiet", "--detach", worktree, "FETCH_HEAD"]);
      const changed = await options.fold(path.join(worktree, options.baselinesPath));
      await runGit(worktree, ["add", "--all", "--", options.baselinesPath]);
      const staged = await runGit(worktree, ["diff", "--cached", "--name-only"]);
      if (!changed || staged === "") return { outcome: "unchanged", branch: target, attempts: attempt };
      await runGit(worktree, ["commit", "--quiet", "-m", options.message], identity);
      const commit = await runGit(worktree, ["rev-parse", "HEAD"]);
      try {
        await runGit(worktree, ["push", "--quiet", remote, `HEAD:refs/heads/${target}`]);
        return { outcome: "pushed", commit, branch: target, attempts: attempt };
      } catch (error) {
        if (error instanceof GitError) {
          const refused = protectedBranchError(error, { branch: target, mode });
          if (refused !== undefined) throw refused;
        }
        if (!(error instanceof GitError) || !isRejectedPush(error.stderr) || attempt === maxAttempts)
          throw error;
        options.log?.(
          `baseline push rejected (attempt ${attempt}/${maxAttempts}): the branch moved; retrying`,
        );
        await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
      }
    } finally {
      await runGit(options.repoDir, ["worktree", "remove", "--force", worktree]).catch(() => {});
      await rm(worktree, { recursive: true, force: true });
    }
  }
  throw new Error("unreachable: the last attempt either returns or throws");
}

function isRejectedPush(stderr: string): boolean {
  return /\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info/i.test(
    stderr,
  );
}
