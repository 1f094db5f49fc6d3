import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { receiptProblems } from "../../src/results/receipt-validation.js";
import { pushEvent } from "../support/fake-github/events.js";
import { git, makeWorkspace, OWNER, REPO, runAction, useFakeGitHub } from "./harness.js";

const fake = useFakeGitHub();

const ZERO = "0".repeat(40);

function receiptsIn(workspace: string): string[] {
  const dir = path.join(workspace, ".maat/results/speed");
  return readdirSync(dir).filter((f) => f.endsWith(".json"));
}

describe("the action's run step", () => {
  it("runs the matrix job's benchmark, records the runner labels and writes a valid receipt", async () => {
    const { workspace } = makeWorkspace();
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "push",
      payload: pushEvent({
        owner: OWNER,
        repo: REPO,
        before: ZERO,
        after: git(workspace, "rev-parse", "HEAD"),
      }),
      inputs: {
        command: "run",
        descriptor: "benchmarks/speed/descriptor.toml",
        "runner-labels": '["self-hosted","gpu"]',
      },
      env: { SPEED: "250" },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("::group::Benchmark speed");
    expect(run.stdout).toMatch(/speed: repetition 3\/3 succeeded/);
    const [file] = receiptsIn(workspace);
    expect(run.outputs["receipt-path"]).toBe(`.maat/results/speed/${file}`);
    const receipt = JSON.parse(readFileSync(path.join(workspace, run.outputs["receipt-path"]!), "utf8"));
    expect(receiptProblems(receipt)).toEqual([]);
    expect(receipt.metrics.speed.mean).toBe(250);
    expect(receipt.host.runner.labels).toEqual(["self-hosted", "gpu"]);
    expect(receipt.source.repository).toBe(`${OWNER}/${REPO}`);
  });

  it("fails the step when the benchmark fails, with the receipt already on disk", async () => {
    const { workspace } = makeWorkspace();
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "workflow_dispatch",
      payload: { inputs: {} },
      inputs: { command: "run", descriptor: "benchmarks/speed/descriptor.toml" },
      env: { SPEED: "not-a-number" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::speed failed: declared metric\(s\) never produced a value: speed/);
    expect(receiptsIn(workspace)).toHaveLength(1);
  });
});

describe("the action's run step refuses", () => {
  it("a descriptor outside the repository", async () => {
    const { workspace } = makeWorkspace();
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "workflow_dispatch",
      payload: { inputs: {} },
      inputs: { command: "run", descriptor: "../../etc/descriptor.toml" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::descriptor "../../etc/descriptor.toml" is outside the repository');
  });
});

describe("the action's baseline step", () => {
  async function runAndFold(workspace: string, speed: string) {
    const head = git(workspace, "rev-parse", "HEAD");
    const payload = pushEvent({ owner: OWNER, repo: REPO, before: ZERO, after: head });
    const ran = await runAction({
      github: fake(),
      workspace,
      eventName: "push",
      payload,
      inputs: { command: "run", descriptor: "benchmarks/speed/descriptor.toml" },
      env: { SPEED: speed },
    });
    expect(ran.code, ran.stdout).toBe(0);
    return runAction({
      github: fake(),
      workspace,
      eventName: "push",
      payload,
      inputs: { command: "baseline" },
    });
  }

  it("commits the folded receipts to the default branch", async () => {
    const { workspace, remote } = makeWorkspace();
    const folded = await runAndFold(workspace, "120");
    expect(folded.code, folded.stdout).toBe(0);
    expect(folded.stdout).toMatch(/Baselines committed to main/);
    const files = git(remote, "ls-tree", "-r", "--name-only", "main", "baselines").split("\n");
    expect(files).toHaveLength(1);
    const baseline = JSON.parse(git(remote, "show", `main:${files[0]}`));
    expect(baseline.benchmarkId).toBe("speed");
    expect(baseline.runs).toHaveLength(1);
    expect(git(remote, "log", "-1", "--format=%s", "main")).toMatch(/^maat: update baselines/);
  });

  it("keeps both of two concurrent baseline updates from parallel jobs", async () => {
    const { remote, root } = makeWorkspace();
    const clone = (name: string) => {
      const dir = path.join(root, name);
      git(root, "clone", "-q", remote, dir);
      return dir;
    };
    const [a, b] = [clone("job-a"), clone("job-b")];
    const results = await Promise.all([runAndFold(a, "100"), runAndFold(b, "101")]);
    for (const result of results) expect(result.code, result.stdout).toBe(0);
    const [file] = git(remote, "ls-tree", "-r", "--name-only", "main", "baselines").split("\n");
    expect(JSON.parse(git(remote, "show", `main:${file}`)).runs).toHaveLength(2);
  });

  it("says which setting to enable when GitHub does not let Actions open the baseline pull request", async () => {
    const { workspace } = makeWorkspace();
    const head = git(workspace, "rev-parse", "HEAD");
    const payload = pushEvent({ owner: OWNER, repo: REPO, before: ZERO, after: head });
    await runAction({
      github: fake(),
      workspace,
      eventName: "push",
      payload,
      inputs: { command: "run", descriptor: "benchmarks/speed/descriptor.toml" },
    });
    fake().faults.inject({
      kind: "forbidden",
      operationId: "pulls/create",
      message: "GitHub Actions is not permitted to create or approve pull requests.",
    });
    const folded = await runAction({
      github: fake(),
      workspace,
      eventName: "push",
      payload,
      inputs: { command: "baseline", "baseline-mode": "pull_request" },
      runId: 4343,
    });
    expect(folded.code).toBe(1);
    expect(folded.stdout).toContain("GitHub refused to open the pull request");
    expect(folded.stdout).toContain('enable "Allow GitHub Actions to create and approve pull requests"');
  });

  it("opens a pull request with the baseline change in pull_request mode", async () => {
    const { workspace, remote } = makeWorkspace();
    const head = git(workspace, "rev-parse", "HEAD");
    const payload = pushEvent({ owner: OWNER, repo: REPO, before: ZERO, after: head });
    await runAction({
      github: fake(),
      workspace,
      eventName: "push",
      payload,
      inputs: { command: "run", descriptor: "benchmarks/speed/descriptor.toml" },
    });
    const folded = await runAction({
      github: fake(),
      workspace,
      eventName: "push",
      payload,
      inputs: { command: "baseline", "baseline-mode": "pull_request" },
      runId: 4242,
    });
    expect(folded.code, folded.stdout).toBe(0);
    expect(git(remote, "ls-tree", "-r", "--name-only", "maat/baselines-4242", "baselines")).toMatch(
      /^baselines\/speed\//,
    );
    expect(
      fake()
        .state.pulls()
        .map((p) => p.headRef),
    ).toContain("maat/baselines-4242");
  });
});

// Issue 10, item 5: credentials of the job never reach a benchmark or any file it leads to.
describe("the action's run step and secrets", () => {
  it("gives benchmarks the environment minus credentials, masks known secrets, and no file holds them", async () => {
    const secrets = {
      GITHUB_TOKEN: "ghs_FAKEgithubTOKEN123",
      ACTIONS_RUNTIME_TOKEN: "FAKEruntimeTOKEN456",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "FAKEidTOKEN789",
      AWS_SECRET_ACCESS_KEY: "FAKEawsSECRETkey000",
      AWS_SESSION_TOKEN: "FAKEawsSESSIONtoken111",
      DEPLOY_PASSWORD: "FAKEpassword222",
      "INPUT_GITHUB-TOKEN": "ghs_FAKEinputTOKEN333",
    };
    const printsEnv = `spec_version = "0.1.0"
[info]
task_name = "Env"
description = "Prints its environment, and a secret it found elsewhere"
[hardware]
instance_type = "t3.medium"
strategy = "single_node"
[env]
docker_image = "node:24-slim"
[ml]
benchmark_code = "env; cat leaked.txt; echo speed=1"
[run]
repetitions = 1
[[output.metrics]]
name = "speed"
units = "ops/s"
pattern = "speed=([0-9.]+)"
direction = "higher_is_better"
`;
    const { workspace } = makeWorkspace({
      "benchmarks/env/descriptor.toml": printsEnv,
      "benchmarks/env/leaked.txt": `found ${secrets.AWS_SECRET_ACCESS_KEY} on disk\n`,
      "maat.toml": '[run]\npass_env = ["HF_TOKEN"]\ndrop_env = ["INTERNAL_*"]\n',
    });
    const run = await runAction({
      github: fake(),
      workspace,
      eventName: "workflow_dispatch",
      payload: { inputs: {} },
      inputs: { command: "run", descriptor: "benchmarks/env/descriptor.toml" },
      env: {
        ...secrets,
        HF_TOKEN: "hf_PASSEDtoken",
        INTERNAL_URL: "http://internal",
        CUDA_VISIBLE_DEVICES: "0",
      },
    });
    expect(run.code, run.stdout).toBe(0);
    const written = readdirSync(path.join(workspace, ".maat"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(path.join(e.parentPath, e.name), "utf8"));
    // `::add-mask::` lines are how the runner learns what to mask in the job log: expected, and only there.
    const masks = run.stdout.split("\n").filter((line) => line.startsWith("::add-mask::"));
    for (const value of Object.values(secrets)) expect(masks).toContain(`::add-mask::${value}`);
    const stdout = run.stdout
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    const everything = [stdout, run.stderr, run.summary, ...written].join("\n");
    for (const [name, value] of Object.entries(secrets)) {
      expect(everything, name).not.toContain(value);
    }
    const log = written.find((text) => text.includes("CUDA_VISIBLE_DEVICES=0"));
    expect(log).toBeDefined();
    expect(log).toContain("found *** on disk");
    expect(log).toContain("HF_TOKEN=");
    expect(log).not.toContain("INTERNAL_URL");
    expect(run.stdout).toMatch(/Benchmarks do not see \d+ variable\(s\).*AWS_SECRET_ACCESS_KEY/);
  });
});
