import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commitBaselines } from "../../src/git/commit-baselines.js";

const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@e",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@e",
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, env: gitEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** A bare "GitHub" remote with one commit on main, and a clone of it. */
function makeRemoteAndClone(): { remote: string; clone: () => string } {
  const root = mkdtempSync(path.join(tmpdir(), "maat-git-"));
  const remote = path.join(root, "remote.git");
  git(root, "init", "-q", "--bare", "-b", "main", remote);
  const seed = path.join(root, "seed");
  git(root, "clone", "-q", remote, seed);
  writeFileSync(path.join(seed, "README.md"), "models\n");
  git(seed, "add", ".");
  git(seed, "commit", "-q", "-m", "init");
  git(seed, "push", "-q", "origin", "HEAD:main");
  let n = 0;
  return {
    remote,
    clone: () => {
      const dir = path.join(root, `clone-${n++}`);
      git(root, "clone", "-q", remote, dir);
      return dir;
    },
  };
}

/** A fold that records one run id per line, like a baseline history gaining a run. */
const appendRun = (runId: string) => async (baselinesDir: string) => {
  await mkdir(baselinesDir, { recursive: true });
  const file = path.join(baselinesDir, "runs.txt");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.split("\n").includes(runId)) return false;
  await writeFile(file, `${existing}${runId}\n`);
  return true;
};

function remoteRuns(remote: string): string[] {
  return git(remote, "show", "main:baselines/runs.txt").split("\n").filter(Boolean).sort();
}

/** Makes the remote refuse pushes to main the way GitHub refuses a protected branch. */
function protectMain(remote: string): void {
  const hook = path.join(remote, "hooks", "pre-receive");
  writeFileSync(
    hook,
    [
      "#!/bin/sh",
      "while read old new ref; do",
      '  if [ "$ref" = refs/heads/main ]; then',
      '    echo "error: GH006: Protected branch update failed for refs/heads/main." >&2',
      '    echo "error: Changes must be made through a pull request." >&2',
      "    exit 1",
      "  fi",
      "done",
      "",
    ].join("\n"),
  );
  chmodSync(hook, 0o755);
}

describe("commitBaselines", () => {
  it("on a protected branch, says so at once and how to get a pull request instead", async () => {
    const { remote, clone } = makeRemoteAndClone();
    protectMain(remote);
    const attempt = commitBaselines({
      repoDir: clone(),
      branch: "main",
      baselinesPath: "baselines",
      fold: appendRun("run-1"),
      message: "m",
      maxAttempts: 5,
      backoffMs: () => 60_000, // a retry would time the test out: there must be none
    });
    await expect(attempt).rejects.toThrow(
      "cannot push the baseline update to main: a branch rule protects it (error: GH006: Protected branch update failed for refs/heads/main.)",
    );
    await expect(attempt).rejects.toMatchObject({
      hint: expect.stringContaining('set baselines.commit = "pull_request" in maat.toml'),
      exitCode: 2,
    });
  });

  it("in pull_request mode, pushes its own branch past the protected one", async () => {
    const { remote, clone } = makeRemoteAndClone();
    protectMain(remote);
    const result = await commitBaselines({
      repoDir: clone(),
      branch: "main",
      baselinesPath: "baselines",
      fold: appendRun("run-1"),
      message: "m",
      mode: "pull_request",
      prBranch: "maat/baselines-1",
    });
    expect(result).toMatchObject({ outcome: "pushed", branch: "maat/baselines-1" });
  });

  it("commits folded baselines to the branch and leaves the job's checkout alone", async () => {
    const { remote, clone } = makeRemoteAndClone();
    const checkout = clone();
    const result = await commitBaselines({
      repoDir: checkout,
      branch: "main",
      baselinesPath: "baselines",
      fold: appendRun("run-1"),
      message: "maat: update baselines",
    });
    expect(result.outcome).toBe("pushed");
    expect(remoteRuns(remote)).toEqual(["run-1"]);
    expect(git(checkout, "status", "--porcelain")).toBe("");
    expect(git(remote, "log", "-1", "--format=%s%n%an", "main")).toBe(
      "maat: update baselines\ngithub-actions[bot]",
    );
  });

  it("is idempotent: folding the same run again pushes nothing", async () => {
    const { clone } = makeRemoteAndClone();
    const checkout = clone();
    const options = {
      repoDir: checkout,
      branch: "main",
      baselinesPath: "baselines",
      message: "m",
      fold: appendRun("run-1"),
    };
    await commitBaselines(options);
    const again = await commitBaselines(options);
    expect(again.outcome).toBe("unchanged");
  });

  it("keeps both of two concurrent updates: the loser fetches, re-folds and pushes again", async () => {
    const { remote, clone } = makeRemoteAndClone();
    const jobs = ["run-a", "run-b", "run-c"].map((runId) =>
      commitBaselines({
        repoDir: clone(),
        branch: "main",
        baselinesPath: "baselines",
        fold: appendRun(runId),
        message: `maat: baselines for ${runId}`,
        backoffMs: () => 20 + Math.random() * 80,
        maxAttempts: 10,
      }),
    );
    const results = await Promise.all(jobs);
    expect(results.every((r) => r.outcome === "pushed")).toBe(true);
    expect(remoteRuns(remote)).toEqual(["run-a", "run-b", "run-c"]);
    expect(Number(git(remote, "rev-list", "--count", "main"))).toBe(4);
  });

  it("pushes to a separate branch in pull-request mode", async () => {
    const { remote, clone } = makeRemoteAndClone();
    const result = await commitBaselines({
      repoDir: clone(),
      branch: "main",
      baselinesPath: "baselines",
      fold: appendRun("run-1"),
      message: "m",
      mode: "pull_request",
      prBranch: "maat/baselines-42",
    });
    expect(result.branch).toBe("maat/baselines-42");
    expect(git(remote, "show", "maat/baselines-42:baselines/runs.txt")).toBe("run-1");
    expect(() => git(remote, "show", "main:baselines/runs.txt")).toThrow();
  });
});
