import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { actionEnvironment } from "../support/fake-github/action-env.js";
import { type FakeGitHub, startFakeGitHub } from "../support/fake-github/index.js";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
const actionBundle = path.join(repoRoot, "dist/action.js");

export const OWNER = "ml-team";
export const REPO = "models";

const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "dev",
  GIT_AUTHOR_EMAIL: "dev@example.com",
  GIT_COMMITTER_NAME: "dev",
  GIT_COMMITTER_EMAIL: "dev@example.com",
};
export const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, env: gitEnv, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** A small, fast benchmark whose speed the test sets through the SPEED variable. */
export const speedDescriptor = `spec_version = "0.1.0"
[info]
task_name = "Speed"
description = "Prints a speed the test controls"
[hardware]
instance_type = "t3.medium"
strategy = "single_node"
[env]
docker_image = "node:24-slim"
[ml]
benchmark_code = "node -e \\"console.log('speed=' + (process.env.SPEED || 100))\\""
[run]
repetitions = 3
[[output.metrics]]
name = "speed"
units = "ops/s"
pattern = "speed=([0-9.]+)"
direction = "higher_is_better"
`;

/**
 * A repository as the job sees it after actions/checkout: a clone of a bare "GitHub" remote,
 * with one benchmark committed on main.
 */
export function makeWorkspace(files: Record<string, string> = {}): {
  workspace: string;
  remote: string;
  root: string;
} {
  const root = mkdtempSync(path.join(tmpdir(), "maat-action-"));
  const remote = path.join(root, "remote.git");
  git(root, "init", "-q", "--bare", "-b", "main", remote);
  const workspace = path.join(root, "workspace");
  git(root, "clone", "-q", remote, workspace);
  const all = { "benchmarks/speed/descriptor.toml": speedDescriptor, "README.md": "models\n", ...files };
  for (const [file, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
  git(workspace, "add", ".");
  git(workspace, "commit", "-q", "-m", "init");
  git(workspace, "push", "-q", "origin", "HEAD:main");
  return { workspace, remote, root };
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunActionOptions {
  github: FakeGitHub;
  workspace: string;
  eventName: string;
  payload: object;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  sha?: string;
  ref?: string;
  runId?: number;
}

/**
 * Runs the bundled action exactly as the runner does: `node dist/action.js` with INPUT_*
 * variables (hyphens kept, names upper-cased), the event payload in GITHUB_EVENT_PATH, and
 * real GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), "maat-action-run-"));
  const outputFile = path.join(dir, "output");
  const summaryFile = path.join(dir, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/root",
    ...actionEnvironment({
      github: options.github,
      eventName: options.eventName,
      payload: options.payload,
      dir,
      repository: `${OWNER}/${REPO}`,
      sha: options.sha ?? git(options.workspace, "rev-parse", "HEAD"),
      ref: options.ref ?? "refs/heads/main",
      runId: options.runId ?? 1001,
    }),
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/benchmarks.yml@refs/heads/main`,
    "INPUT_GITHUB-TOKEN": "ghs_action_token",
    INPUT_CONFIG: "maat.toml",
    "INPUT_RESULTS-DIR": ".maat/results",
    "INPUT_BASELINES-DIR": "baselines",
    ...Object.fromEntries(Object.entries(options.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...options.env,
  };
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(
        process.execPath,
        [actionBundle],
        { cwd: options.workspace, env, maxBuffer: 64 << 20 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    },
  );
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
  };
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks, as @actions/core writes them. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    outputs[name!] = value.join("\n");
  }
  return outputs;
}

/**
 * A fake GitHub with the test repository, fresh for every test of the calling file, that
 * fails the test on any request that breaks GitHub's OpenAPI description.
 */
export function useFakeGitHub(): () => FakeGitHub {
  let github: FakeGitHub | undefined;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.state.addRepo({ owner: OWNER, repo: REPO, defaultBranch: "main" });
  });
  afterEach(async () => {
    expect(github!.violations).toEqual([]);
    await github!.close();
  });
  return () => github!;
}
