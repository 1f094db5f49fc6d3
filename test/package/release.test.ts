import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const release = path.join(repoRoot, "scripts/release.mjs");
const version: string = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
const major = `v${version.split(".")[0]}`;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const git = (...args: string[]) =>
  execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@t",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@t",
    },
  }).trim();

/**
 * A git repository with this repository's release files. Its dist/ check is a stand-in that
 * passes or fails on demand; the real scripts/check-dist.mjs runs in CI on every commit.
 */
function releaseRepo(options: { distFresh: boolean }): void {
  dir = mkdtempSync(path.join(tmpdir(), "maat-release-"));
  for (const file of [
    "package.json",
    "package-lock.json",
    "CHANGELOG.md",
    "README.md",
    "action.yml",
    "src/version.ts",
  ]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(dir, file));
  }
  mkdirSync(path.join(dir, "scripts"));
  const check = options.distFresh ? "" : 'console.error("dist/ is stale (cli.js)"); process.exit(1);';
  writeFileSync(path.join(dir, "scripts/check-dist.mjs"), check);
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "release candidate");
}

const run = (...args: string[]) =>
  spawnSync(process.execPath, [release, "--root", dir, ...args], { encoding: "utf8" });

describe("scripts/release.mjs", () => {
  it(`tags this repository's version and moves ${major} to the same commit`, () => {
    releaseRepo({ distFresh: true });
    const dry = run();
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Ready to release v${version} (and move ${major})`);
    expect(git("tag", "--list")).toBe("");

    const tagged = run("--tag");
    expect(tagged.status, tagged.stderr).toBe(0);
    const head = git("rev-parse", "HEAD");
    expect(git("rev-parse", `v${version}^{commit}`)).toBe(head);
    expect(git("rev-parse", `${major}^{commit}`)).toBe(head);
    expect(tagged.stdout).toContain(`git push --force origin ${major}`);

    const again = run("--tag");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`tag v${version} already exists`);
  });

  it("refuses a stale dist/, disagreeing versions, a README naming another tag and uncommitted edits, listing each", () => {
    releaseRepo({ distFresh: false });
    const file = (name: string) => path.join(dir, name);
    writeFileSync(file("src/version.ts"), 'export const MAAT_VERSION = "9.9.9";\n');
    writeFileSync(
      file("README.md"),
      `${readFileSync(file("README.md"), "utf8")}\n      - uses: maat-dev/maat@main\n`,
    );
    writeFileSync(file("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n");
    const result = run("--tag");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`src/version.ts says 9.9.9, package.json ${version}`);
    expect(result.stderr).toContain(`README.md has "uses: maat-dev/maat@main": releases move ${major}`);
    expect(result.stderr).toContain(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section`);
    expect(result.stderr).toContain("dist/ is not a fresh build: dist/ is stale (cli.js)");
    expect(result.stderr).toContain("uncommitted changes");
    expect(git("tag", "--list")).toBe("");
  });
});
