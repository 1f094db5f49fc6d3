import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSourceInfo } from "../../src/results/source-info.js";

function makeRepo(): { dir: string; commit: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "maat-source-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" },
    }).trim();
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "Test");
  writeFileSync(path.join(dir, "a.txt"), "one\n");
  git("add", "a.txt");
  git("commit", "-q", "-m", "first");
  git("remote", "add", "origin", "https://example.com/team/models.git");
  return { dir, commit: git("rev-parse", "HEAD") };
}

describe("readSourceInfo", () => {
  it("reads commit, branch, remote and a clean tree from git", async () => {
    const { dir, commit } = makeRepo();
    const info = await readSourceInfo(dir, {});
    expect(info).toEqual({
      commit,
      branch: "main",
      dirty: false,
      repository: "https://example.com/team/models.git",
    });
  });

  it("notices uncommitted changes", async () => {
    const { dir } = makeRepo();
    writeFileSync(path.join(dir, "a.txt"), "two\n");
    expect((await readSourceInfo(dir, {})).dirty).toBe(true);
  });

  it("prefers the GitHub Actions environment, including the pull request number", async () => {
    const { dir } = makeRepo();
    const info = await readSourceInfo(dir, {
      GITHUB_ACTIONS: "true",
      GITHUB_REPOSITORY: "team/models",
      GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
      GITHUB_REF: "refs/pull/42/merge",
      GITHUB_HEAD_REF: "feature/faster",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_RUN_ID: "99",
    });
    expect(info).toMatchObject({
      repository: "team/models",
      commit: "0123456789abcdef0123456789abcdef01234567",
      branch: "feature/faster",
      pullRequest: 42,
      workflowRunUrl: "https://github.com/team/models/actions/runs/99",
    });
  });

  it("returns nothing from git outside a repository", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "maat-nogit-"));
    expect(await readSourceInfo(dir, {})).toEqual({});
  });
});
