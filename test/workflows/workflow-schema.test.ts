import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validateAction, validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPORT_VERDICTS } from "../../src/workflow/report-step.js";

// @action-validator/core checks files against SchemaStore's GitHub workflow and action schemas.
const workflowsDir = path.resolve(".github/workflows");
const workflows = readdirSync(workflowsDir).filter((f) => f.endsWith(".yml"));

describe("GitHub workflow files", () => {
  it.each(workflows)("%s is valid for GitHub's workflow schema", (file) => {
    const state = validateWorkflow(readFileSync(path.join(workflowsDir, file), "utf8"));
    expect(state.errors).toEqual([]);
  });

  it.each(workflows)("%s gives every job explicit, minimal permissions", (file) => {
    const workflow = parse(readFileSync(path.join(workflowsDir, file), "utf8"));
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const [name, job] of Object.entries<Record<string, unknown>>(workflow.jobs)) {
      if (file === "ci.yml") continue;
      expect(job.permissions, `job ${name}`).toBeTypeOf("object");
    }
  });

  it("action.yml's verdict output names every verdict the report step can give", () => {
    const description: string = parse(readFileSync("action.yml", "utf8")).outputs.verdict.description;
    for (const verdict of REPORT_VERDICTS) expect(description).toMatch(new RegExp(`\\b${verdict}\\b`));
  });

  it("action.yml is valid for GitHub's action schema and runs on node24 from dist/", () => {
    const text = readFileSync("action.yml", "utf8");
    // The bundled SchemaStore schema predates the node24 runtime (GitHub added it in 2025);
    // validate everything else with the newest value it knows.
    expect(validateAction(text.replace("using: node24", "using: node20")).errors).toEqual([]);
    expect(parse(text).runs).toEqual({ using: "node24", main: "dist/action.js" });
  });
});
