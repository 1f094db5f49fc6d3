import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { detectCommand } from "../../src/cli/commands/detect.js";
import { MaatError } from "../../src/errors.js";

async function runDetect(args: string[], files: Record<string, string>) {
  const cwd = await mkdtemp(join(tmpdir(), "maat-detect-"));
  for (const [name, content] of Object.entries(files)) await writeFile(join(cwd, name), content);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  const code = await detectCommand.run({
    argv: args,
    cwd,
    env: {},
    stdout,
    stderr,
    colors: false,
    signal: new AbortController().signal,
  });
  return { code, out };
}

const step = Array.from({ length: 40 }, (_, i) => (i < 20 ? 100 : 110) + Math.sin(i) * 0.5);

describe("maat detect", () => {
  test("prints change points as JSON with snake_case keys", async () => {
    const { code, out } = await runDetect(["series.json", "--json", "--direction", "higher_is_better"], {
      "series.json": JSON.stringify(step),
    });
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed.change_points).toHaveLength(1);
    expect(Object.keys(parsed.change_points[0])).toEqual([
      "index",
      "before",
      "after",
      "relative_change",
      "p_value",
      "kind",
    ]);
    expect(parsed.change_points[0]).toMatchObject({ index: 20, kind: "improvement" });
    expect(parsed.change_points[0].before).toMatchObject({ n: 20 });
  });

  test("reads the direction from a {values, direction} file, and the flag overrides it", async () => {
    const file = JSON.stringify({ values: step, direction: "lower_is_better" });
    const fromFile = JSON.parse((await runDetect(["s.json", "--json"], { "s.json": file })).out);
    expect(fromFile.change_points[0].kind).toBe("regression");
    const fromFlag = JSON.parse(
      (await runDetect(["s.json", "--json", "--direction", "higher_is_better"], { "s.json": file })).out,
    );
    expect(fromFlag.change_points[0].kind).toBe("improvement");
  });

  test("reads CSV with a header and repetitions per line, and draws a chart", async () => {
    const csv = ["throughput,rep2", ...step.map((v) => `${v},${v + 0.3}`)].join("\n");
    const { code, out } = await runDetect(["s.csv"], { "s.csv": csv });
    expect(code).toBe(0);
    expect(out).toContain("40 points");
    expect(out).toMatch(/[▁▂▃▄▅▆▇█]{10,}/);
    expect(out).toContain("^");
    expect(out).toMatch(/20\s+shift/);
  });

  test("replays the gate with --gate: the fit confirms the step at its fourth point", async () => {
    const series = Array.from({ length: 40 }, (_, i) => (i < 25 ? 100 : 90) + Math.sin(i) * 0.5);
    const { out } = await runDetect(["s.txt", "--gate", "--json", "--direction", "higher_is_better"], {
      "s.txt": series.join("\n"),
    });
    expect(JSON.parse(out).change_points.map((p: { index: number }) => p.index)).toEqual([28]);
  });

  test("alerts after --persistence points even before the fit could confirm", async () => {
    const series = Array.from({ length: 40 }, (_, i) => (i < 25 ? 100 : 90) + Math.sin(i) * 0.5);
    const { out } = await runDetect(
      ["s.txt", "--gate", "--persistence", "3", "--json", "--direction", "higher_is_better"],
      { "s.txt": series.join("\n") },
    );
    expect(JSON.parse(out).change_points.map((p: { index: number }) => p.index)).toEqual([27]);
    const bad = await runDetect(["s.txt", "--gate", "--persistence", "0"], { "s.txt": "1" }).catch(
      (e: MaatError) => e,
    );
    expect((bad as MaatError).message).toBe('--persistence must be a whole number >= 1, got "0"');
  });

  test("names the line of a value that is not a number", async () => {
    const error = await runDetect(["s.txt"], { "s.txt": "1\n2\nthree\n4" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaatError);
    expect((error as MaatError).message).toBe('s.txt, line 3: "three" is not a number');
    expect((error as MaatError).exitCode).toBe(2);
  });

  test("rejects a bad direction and a missing file with exit code 2", async () => {
    const bad = await runDetect(["s.txt", "--direction", "up"], { "s.txt": "1" }).catch((e: MaatError) => e);
    expect((bad as MaatError).exitCode).toBe(2);
    const missing = await runDetect(["nope.json"], {}).catch((e: MaatError) => e);
    expect((missing as MaatError).message).toMatch(/cannot read nope.json: does not exist/);
  });
});
