import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadStepInputs } from "../../src/workflow/step-inputs.js";
import type { WorkflowContext } from "../../src/workflow/workflow-context.js";
import { type LoopbackS3, startLoopbackS3, useLoopbackCredentials } from "../support/s3-server.js";
import { cli, makeProject } from "./harness.js";

let s3: LoopbackS3;
let restoreEnv: () => void;
let project: string;

beforeAll(async () => {
  restoreEnv = useLoopbackCredentials();
  s3 = await startLoopbackS3(["team-results"]);
});
afterAll(async () => {
  await s3.stop();
  restoreEnv();
});
beforeEach(() => {
  project = makeProject();
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

const config = (endpoint: string) =>
  `[results]\nstore = "s3://team-results/maat"\n\n[s3]\nendpoint = "${endpoint}"\npath_style = true\n`;

describe("pushing and pulling results through S3", () => {
  it("maat run --push stores the receipt, and a fresh checkout pulls it back for the report", async () => {
    await writeFile(path.join(project, "maat.toml"), config(s3.endpoint));
    const run = await cli(project, [
      "run",
      "benchmarks/hello-world",
      "--quiet",
      "--json",
      "--push",
      "--repetitions",
      "1",
    ]);
    expect(run.code).toBe(0);
    const { resultId, receipt } = JSON.parse(run.out).runs[0];
    expect(run.err).toContain(`${resultId}: pushed to s3://team-results/maat`);

    const listed = await cli(project, ["results", "list", "--store", "s3://team-results/maat", "--json"]);
    expect(JSON.parse(listed.out).results).toContain(resultId);

    await rm(path.join(project, ".maat"), { recursive: true });
    const commit = resultId.split("-").at(-1);
    const context = { workspace: project, sha: commit, runUrl: "" } as unknown as WorkflowContext;
    const { receipts } = await loadStepInputs(context, {
      configPath: "maat.toml",
      resultsDir: ".maat/results",
    });
    expect(receipts.map((r) => r.resultId)).toEqual([resultId]);
    expect(await readdir(path.join(project, path.dirname(receipt)))).toContain(path.basename(receipt));
  });

  it("a failed upload keeps the receipt on disk and says how to push it later", async () => {
    await writeFile(path.join(project, "maat.toml"), config("http://127.0.0.1:9"));
    const run = await cli(project, [
      "run",
      "benchmarks/hello-world",
      "--quiet",
      "--json",
      "--push",
      "--repetitions",
      "1",
    ]);
    expect(run.code).toBe(0);
    const { resultId, receipt } = JSON.parse(run.out).runs[0];
    expect(run.err).toContain(`maat: warning: pushing ${resultId} to s3://team-results/maat failed:`);
    expect(run.err).toContain(`The receipt is kept at ${receipt}; push it later with 'maat results push'.`);
    expect(await readdir(path.join(project, path.dirname(receipt)))).toContain(path.basename(receipt));

    await writeFile(path.join(project, "maat.toml"), config(s3.endpoint));
    const later = await cli(project, ["results", "push"]);
    expect(later.code).toBe(0);
    expect(later.out).toContain(`${resultId}: stored`);
  });
});
