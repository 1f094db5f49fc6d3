import { describe, expect, it } from "vitest";
import { BaselineError } from "../../src/baselines/errors.js";
import { emptyBaseline, foldIntoBaseline } from "../../src/baselines/fold.js";
import { hardwareKey } from "../../src/baselines/hardware-key.js";
import { parseBaseline } from "../../src/baselines/parse.js";
import { serializeBaseline } from "../../src/baselines/serialize.js";
import type { Baseline } from "../../src/baselines/types.js";
import { makeReceipt } from "../fixtures/receipts/make-receipt.js";

function baselineWith(runs: number): Baseline {
  const first = makeReceipt();
  let baseline = emptyBaseline(first.benchmark.id, hardwareKey(first));
  for (let i = 0; i < runs; i++) {
    const day = String(i + 1).padStart(2, "0");
    const receipt = makeReceipt({
      resultId: `resnet50-training/run-${day}`,
      commit: `c0ffee${day}`,
      startedAt: `2024-05-${day}T03:00:00.000Z`,
      values: { throughput: [2840 + i, 2850 - i, 2845], epoch_time: [450, 451 + i / 10, 449] },
    });
    baseline = foldIntoBaseline(baseline, receipt).baseline;
  }
  return baseline;
}

describe("serializeBaseline", () => {
  it("round-trips byte for byte: write, read, write again", () => {
    const text = serializeBaseline(baselineWith(3));
    expect(serializeBaseline(parseBaseline(text, "b.json"))).toBe(text);
  });

  it("puts each run on exactly one line", () => {
    const lines = serializeBaseline(baselineWith(3)).split("\n");
    const runLines = lines.filter((line) => line.startsWith('    {"resultId":'));
    expect(runLines).toHaveLength(3);
    for (const line of runLines) expect(() => JSON.parse(line.replace(/,$/, ""))).not.toThrow();
  });

  it("writes keys in a fixed order whatever order the object was built in", () => {
    const baseline = baselineWith(1);
    const run = baseline.runs[0]!;
    const shuffled: Baseline = {
      runs: [{ metrics: { ...run.metrics }, date: run.date, resultId: run.resultId, commit: run.commit! }],
      resets: [],
      descriptor: {
        fields: { ...baseline.descriptor!.fields },
        contentHash: baseline.descriptor!.contentHash,
      },
      metrics: { throughput: baseline.metrics.throughput!, epoch_time: baseline.metrics.epoch_time! },
      hardware: { fields: { ...baseline.hardware.fields }, slug: baseline.hardware.slug },
      benchmarkId: baseline.benchmarkId,
      schemaVersion: 2,
    };
    const text = serializeBaseline(baseline);
    expect(serializeBaseline(shuffled)).toBe(text);
    expect(text.indexOf('"schemaVersion"')).toBeLessThan(text.indexOf('"benchmarkId"'));
    expect(text).toMatch(/\{"resultId":"[^"]+","commit":"c0ffee01","date":"[^"]+","metrics":\{"epoch_time"/);
  });

  it("writes a metric's values alone when all are kept, and its summary beside capped values", () => {
    const baseline = baselineWith(1);
    const run = baseline.runs[0]!;
    const throughput = run.metrics.throughput!;
    const capped: Baseline = {
      ...baseline,
      runs: [
        {
          ...run,
          metrics: { ...run.metrics, throughput: { ...throughput, values: throughput.values.slice(0, 2) } },
        },
      ],
    };
    const text = serializeBaseline(capped);
    expect(text).toContain('"schemaVersion": 2');
    expect(text).toContain('"epoch_time":[450,451,449]');
    expect(text).toMatch(/"throughput":\{"summary":\{"n":3,"mean":2845,[^}]*\},"values":\[2840,2850\]\}/);
    expect(parseBaseline(text, "b.json")).toEqual(capped);
  });

  it("reads a version 1 file (every summary written out) as the same baseline, and upgrades it when written", () => {
    const baseline = baselineWith(3);
    const version1 = JSON.stringify({ ...baseline, schemaVersion: 1 }, null, 2);
    const read = parseBaseline(version1, "b.json");
    expect(read).toEqual(baseline);
    expect(serializeBaseline(read)).toBe(serializeBaseline(baseline));
  });

  it("changes one run line (plus a comma) when a run is added", () => {
    const before = serializeBaseline(baselineWith(4)).split("\n");
    const after = serializeBaseline(baselineWith(5)).split("\n");
    const removed = before.filter((line) => !after.includes(line));
    const added = after.filter((line) => !before.includes(line));
    expect(removed).toHaveLength(1); // the previous last run gains a trailing comma
    expect(added).toHaveLength(2);
    expect(added[0]).toBe(`${removed[0]},`);
  });
});

describe("parseBaseline", () => {
  it("names the file and the JSON error for a corrupt file", () => {
    const corrupt = `${serializeBaseline(baselineWith(1)).slice(0, 40)}\n<<<<<<< HEAD\n`;
    expect(() => parseBaseline(corrupt, "baselines/resnet/a100.json")).toThrow(BaselineError);
    expect(() => parseBaseline(corrupt, "baselines/resnet/a100.json")).toThrow(
      /^baseline file baselines\/resnet\/a100\.json is not valid JSON: /,
    );
  });

  it("lists every structural problem at once", () => {
    const text = JSON.stringify({
      schemaVersion: 9,
      benchmarkId: 3,
      hardware: {},
      metrics: {},
      resets: [],
      runs: [{}],
    });
    let message = "";
    try {
      parseBaseline(text, "x.json");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("schemaVersion is 9, expected 1 or 2");
    expect(message).toContain("benchmarkId is not a string");
    expect(message).toContain("hardware must have a slug and fields");
    expect(message).toContain("runs[0].resultId is not a string");
  });
});
