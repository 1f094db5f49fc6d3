import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENTS, childEnv, run, stdoutRecords } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "maat-emit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PYTHON_CLIENT = path.join(CLIENTS, "python");
const NODE_CLIENT = path.join(CLIENTS, "node", "maat-emit.mjs");

// The same calls in both languages: a float, an int, no unit, and the non-finite values.
const PYTHON_SCRIPT = `
import sys
sys.path.insert(0, ${JSON.stringify(PYTHON_CLIENT)})
from maat_emit import emit
emit("loss", 0.25, "nats")
emit("steps", 3, "count")
emit("plain", 1.5)
emit("bad", float("nan"), "x")
emit("big", float("inf"), "x")
emit("small", float("-inf"), "x")
`;
const NODE_SCRIPT = `
import { emit } from ${JSON.stringify(NODE_CLIENT)};
emit("loss", 0.25, "nats");
emit("steps", 3, "count");
emit("plain", 1.5);
emit("bad", NaN, "x");
emit("big", Infinity, "x");
emit("small", -Infinity, "x");
`;
const EXPECTED = [
  { name: "loss", value: 0.25, unit: "nats" },
  { name: "steps", value: 3, unit: "count" },
  { name: "plain", value: 1.5 },
  { name: "bad", value: "NaN", unit: "x" },
  { name: "big", value: "Infinity", unit: "x" },
  { name: "small", value: "-Infinity", unit: "x" },
];

const clients = [
  { language: "python", command: "python3", args: ["-c", PYTHON_SCRIPT] },
  { language: "node", command: process.execPath, args: ["--input-type=module", "-e", NODE_SCRIPT] },
];

function readJsonl(file: string): unknown[] {
  const text = readFileSync(file, "utf8");
  expect(text.endsWith("\n")).toBe(true);
  return text
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));
}

describe.each(clients)("$language emit client", ({ language, command, args }) => {
  it("appends one JSON object a line to $MAAT_METRICS_FILE and prints nothing", async () => {
    const file = path.join(dir, `${language}.jsonl`);
    const result = await run(command, args, { env: childEnv({ MAAT_METRICS_FILE: file }) });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("maat:metric");
    expect(readJsonl(file)).toEqual(EXPECTED);
  });

  it("appends to what is already there, also from several processes", async () => {
    const file = path.join(dir, `${language}-append.jsonl`);
    const env = childEnv({ MAAT_METRICS_FILE: file });
    const results = await Promise.all([run(command, args, { env }), run(command, args, { env })]);
    for (const result of results) expect(result.code).toBe(0);
    const records = readJsonl(file);
    expect(records).toHaveLength(2 * EXPECTED.length);
    expect(records.filter((r) => (r as { name: string }).name === "loss")).toHaveLength(2);
  });

  it("prints `maat:metric <json>` lines to stdout when MAAT_METRICS_FILE is unset", async () => {
    const result = await run(command, args, { env: childEnv() });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(EXPECTED.length);
    for (const line of lines) expect(line).toMatch(/^maat:metric \{/);
    expect(stdoutRecords(result.stdout)).toEqual(EXPECTED);
  });
});

describe("python emit client command-line form", () => {
  it("emits NAME VALUE UNIT", async () => {
    const result = await run("python3", [path.join(PYTHON_CLIENT, "maat_emit.py"), "rate", "12.5", "req/s"]);
    expect(result.code).toBe(0);
    expect(stdoutRecords(result.stdout)).toEqual([{ name: "rate", value: 12.5, unit: "req/s" }]);
  });
});
