import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../cli/harness.js";

// Issue 10, item 6: say plainly what protects self-hosted runners, and ship the examples that way.
const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

describe("fork protection, as documented and shipped", () => {
  it("the README and docs/config.md say the gate is advisory and what protects runners", () => {
    for (const file of ["README.md", "docs/config.md"]) {
      const text = read(file).replace(/\s+/g, " ");
      expect(text, file).toMatch(/advisory under `pull_request`/);
      expect(text, file).toMatch(/requires? approval for (all )?outside (contributors|collaborators)/i);
      expect(text, file).toMatch(/runner groups restricted to selected workflows/i);
      expect(text, file).toMatch(/pull_request_target/);
    }
  });

  it("benchmarks.yml never starts its self-hosted job for a fork's pull request", () => {
    const workflow = parse(read(".github/workflows/benchmarks.yml"));
    expect(workflow.jobs.run.if).toContain(
      "github.event.pull_request.head.repo.full_name == github.repository",
    );
  });

  it("benchmarks-fork.yml runs a pinned release, never the checked-out tree, and plans on every push", () => {
    const text = read(".github/workflows/benchmarks-fork.yml");
    const workflow = parse(text);
    expect(text).not.toMatch(/uses: \.\//);
    expect(workflow.on.pull_request_target.types).toEqual(["opened", "synchronize", "reopened", "labeled"]);
    expect(workflow.jobs.plan.permissions["pull-requests"]).toBe("write");
  });
});
