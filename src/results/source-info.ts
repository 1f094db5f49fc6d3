import { execFile } from "node:child_process";
import type { SourceInfo } from "./receipt-types.js";

/**
 * Where the code under test came from. On GitHub Actions the workflow's environment is
 * authoritative (the checkout may be a detached merge commit); elsewhere we ask git.
 */
export async function readSourceInfo(
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<SourceInfo> {
  const info: SourceInfo = {};
  const [commit, branch, status, remote] = await Promise.all([
    git(cwd, ["rev-parse", "HEAD"]),
    git(cwd, ["rev-parse", "--abbrev-ref", "HEAD"]),
    git(cwd, ["status", "--porcelain", "--untracked-files=no"]),
    git(cwd, ["config", "--get", "remote.origin.url"]),
  ]);
  if (commit) info.commit = commit;
  if (branch && branch !== "HEAD") info.branch = branch;
  if (status !== undefined && commit) info.dirty = status.length > 0;
  if (remote) info.repository = remote;

  if (env.GITHUB_ACTIONS === "true") {
    if (env.GITHUB_REPOSITORY) info.repository = env.GITHUB_REPOSITORY;
    if (env.GITHUB_SHA) info.commit = env.GITHUB_SHA;
    const branchName = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
    if (branchName) info.branch = branchName;
    const pr = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "");
    if (pr?.[1]) info.pullRequest = Number(pr[1]);
    if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
      info.workflowRunUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
    }
  }
  return info;
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, timeout: 10_000 }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim()),
    );
  });
}
