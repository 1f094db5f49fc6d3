import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeProject, minimalDescriptor, repoRoot, writeDescriptor } from "../cli/harness.js";
import { FILE, MINIMAL, problemsOf } from "../descriptor/helpers.js";

// Issue 10, item 11: a pattern with catastrophic backtracking must not hang Maat.
const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("metric patterns are matched in linear time", () => {
  it("refuses at validation a pattern that cannot be matched in linear time, with what to change", () => {
    const text = `${MINIMAL}[[output.metrics]]\nname = "speed"\nunits = "ops/s"\npattern = "(\\\\d)\\\\1=([0-9]+)"\n`;
    expect(problemsOf(text.replace("(\\\\d)\\\\1=", "x{5000}="))[0]).toContain(
      "cannot be matched in linear time",
    );
    const lookahead = problemsOf(text.replace("(\\\\d)\\\\1=([0-9]+)", "(\\\\d+)(?!\\\\d)"));
    expect(lookahead).toEqual([
      expect.stringContaining(`${FILE}:12:11: output.metrics[0].pattern: cannot be matched in linear time`),
    ]);
  });

  it("a run of the built CLI with such a pattern ends within its time limit", async () => {
    const dir = makeProject();
    projects.push(dir);
    writeDescriptor(
      dir,
      "evil",
      minimalDescriptor(`echo "speed=${"1".repeat(60)}x"; echo speed=7`, "[run]\nrepetitions = 1\n").replace(
        'pattern = "speed=([0-9.]+)"',
        'pattern = "^speed=((?:\\\\d+)+)$"',
      ),
    );
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          path.join(repoRoot, "dist/cli.js"),
          "run",
          "benchmarks/evil",
          "--quiet",
          "--json",
          "--timeout",
          "20s",
        ],
        { cwd: dir, timeout: 120_000, killSignal: "SIGKILL" },
        (error, stdout) => resolve({ code: error ? (error.code as number | null) : 0, stdout }),
      );
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).runs[0].metrics.speed.values).toEqual([7]);
  });
});
