import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, makeProject, minimalDescriptor, writeDescriptor } from "../cli/harness.js";

// Issue 10, item 9: one stray .json under the results folder must not break every reader.
const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("files in the results folder that are not receipts", () => {
  it("are skipped with a warning by every reader, and benchmark work files never land there", async () => {
    const dir = makeProject();
    projects.push(dir);
    // The benchmark leaves a broken JSON work file next to its metrics file, and says where that is.
    const command = `echo "work=$(dirname "$MAAT_METRICS_FILE")"; echo '{broken' > "$(dirname "$MAAT_METRICS_FILE")/state.json"; echo speed=3`;
    writeDescriptor(dir, "busy", minimalDescriptor(command, "[run]\nrepetitions = 1\n"));
    const run = await cli(dir, ["run", "benchmarks/busy", "--json"]);
    expect(run.code).toBe(0);
    const workDir = /work=(\S+)/.exec(run.err)?.[1];
    expect(workDir).toBeDefined();
    expect(path.relative(path.join(dir, ".maat/results"), workDir!).startsWith("..")).toBe(true);
    expect(existsSync(workDir!)).toBe(false);

    // A stray file a user or tool leaves in the results tree, and one inside a log folder.
    writeFileSync(path.join(dir, ".maat/results/notes.json"), "{not json");
    const logs = readdirSync(path.join(dir, ".maat/results/busy")).find((n) => n.endsWith(".logs"))!;
    mkdirSync(path.join(dir, ".maat/results/busy", logs, "x"), { recursive: true });
    writeFileSync(path.join(dir, ".maat/results/busy", logs, "x/20260101T000000000Z-nogit.json"), "{");

    const list = await cli(dir, ["results", "list", "--json"]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).results).toHaveLength(1);
    expect(list.err).toContain("skipped .maat/results/notes.json: not valid JSON");
    const compare = await cli(dir, ["compare", ".maat/results"]);
    expect(compare.code).toBe(0);
    const update = await cli(dir, ["baseline", "update", ".maat/results"]);
    expect(update.code).toBe(0);
    expect(update.out).toContain("1 run(s) added");
  });
});
