import { readFileSync } from "node:fs";
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DEFAULT_CONFIG, parseRepositoryConfig, runnerFor } from "../../src/config/index.js";
import { makeDescriptor } from "../plan/make-descriptor.js";

const readme = readFileSync("README.md", "utf8");
const section = readme.slice(readme.indexOf("## The GitHub Action"), readme.indexOf("## Kubernetes and EKS"));
const block = (language: string) => new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(section)![1]!;
const workflow = (file: string) => parse(readFileSync(`.github/workflows/${file}`, "utf8"));

/** A GitHub expression as a workflow writes it: `${{ ... }}`. */
const expression = (body: string) => `$\{{ ${body} }}`;

type Step = { uses?: string; with?: Record<string, string> };
/** The step that runs Maat: `maat-dev/maat@v0` in the README, `./` in this repository. */
const maatStep = (job: { steps: Step[] }) => job.steps.find((s) => s.with?.command !== undefined)!;

describe("the README's workflow, as a user copies it", () => {
  const readmeWorkflow = parse(block("yaml"));

  it("is valid for GitHub's workflow schema", () => {
    expect(validateWorkflow(block("yaml")).errors).toEqual([]);
  });

  it("passes the matrix entry's descriptors, backend and labels to the run step, as benchmarks.yml does", () => {
    const inputs = maatStep(readmeWorkflow.jobs.run).with!;
    expect(inputs).toMatchObject({
      command: "run",
      descriptor: expression("join(matrix.descriptors, ',')"),
      backend: expression("matrix.backend"),
      "runner-labels": expression("toJSON(matrix.runs-on)"),
    });
    const example = maatStep(workflow("benchmarks.yml").jobs.run).with!;
    for (const key of ["descriptor", "backend", "runner-labels"]) expect(inputs[key]).toBe(example[key]);
  });

  it("cancels superseded pull request runs only, never a push's baseline refresh", () => {
    for (const concurrency of [readmeWorkflow.concurrency, workflow("benchmarks.yml").concurrency]) {
      expect(concurrency["cancel-in-progress"]).toBe(expression("github.event_name == 'pull_request'"));
      // Anything but a pull request gets a group of its own.
      expect(concurrency.group).toMatch(
        /^benchmarks-\$\{\{ github.event_name == 'pull_request' && .+ \|\| github.run_id \}\}$/,
      );
    }
  });
});

describe("the README's maat.toml", () => {
  const { config, problems } = parseRepositoryConfig(block("toml"), "maat.toml");

  it("is a valid config", () => {
    expect(problems).toEqual([]);
  });

  it("routes instance types to runner labels and backends as the README explains", () => {
    const route = (instanceType: string, backend?: "local" | "kubernetes") =>
      runnerFor(
        config!,
        makeDescriptor("benchmarks/b.toml", { instanceType, ...(backend ? { backend } : {}) }),
      );
    expect(route("g4dn.xlarge")).toEqual({
      runsOn: ["self-hosted", "linux", "gpu-t4"],
      backend: "local",
      rule: 0,
    });
    expect(route("g5.2xlarge")).toMatchObject({
      runsOn: ["self-hosted", "linux", "gpu-a10g", "docker"],
      backend: "docker",
    });
    expect(route("p5.48xlarge")).toMatchObject({
      runsOn: ["self-hosted", "linux", "k8s-driver"],
      backend: "kubernetes",
    });
    expect(route("m5.large")).toEqual({ runsOn: ["self-hosted", "linux", "cpu"], backend: "local" });
    // The descriptor's own run.backend comes first.
    expect(route("p5.48xlarge", "local")).toMatchObject({ backend: "local" });
  });
});

describe("benchmarks-fork.yml", () => {
  it("names no trust label: the plan reads it from the base branch's maat.toml", () => {
    const text = readFileSync(".github/workflows/benchmarks-fork.yml", "utf8");
    expect(workflow("benchmarks-fork.yml").jobs.plan.if).toBe(
      "github.event.pull_request.head.repo.full_name != github.repository",
    );
    // Outside comments, the default label appears nowhere: changing trust_label needs no edit here.
    const code = text
      .split("\n")
      .filter((line) => !line.trimStart().startsWith("#"))
      .join("\n");
    expect(code).not.toContain(DEFAULT_CONFIG.pullRequests.trustLabel);
  });
});
