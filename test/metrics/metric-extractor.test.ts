import { describe, expect, it } from "vitest";
import { createMetricExtractor } from "../../src/metrics/metric-extractor.js";
import { defineMetric } from "./define-metric.js";

const loss = defineMetric("loss", "loss=([^ ]+)");

describe("createMetricExtractor", () => {
  it("records every match in order and aggregates per the metric", () => {
    const extractor = createMetricExtractor([
      defineMetric("loss", "loss=([0-9.]+)", "last"),
      defineMetric("throughput", "throughput=([0-9.]+)", "mean"),
      defineMetric("best", "acc=([0-9.]+)", "max"),
      defineMetric("mid", "acc=([0-9.]+)", "median"),
      defineMetric("total", "n=(\\d+)", "sum"),
      defineMetric("low", "acc=([0-9.]+)", "min"),
      defineMetric("start", "loss=([0-9.]+)", "first"),
    ]);
    extractor.write(
      "step 1 loss=0.9 throughput=100 acc=0.5 n=1\nstep 2 loss=0.5 throughput=200 acc=0.7 n=2\n",
    );
    extractor.write("step 3 loss=0.25 throughput=300 acc=0.6 n=3 acc=0.8\n");
    const { metrics } = extractor.finish();
    expect(metrics.loss).toEqual({
      value: 0.25,
      series: [0.9, 0.5, 0.25],
      count: 3,
      seriesTruncated: false,
      sources: ["pattern"],
    });
    expect(metrics.throughput?.value).toBe(200);
    expect(metrics.best?.value).toBe(0.8);
    expect(metrics.low?.value).toBe(0.5);
    expect(metrics.mid?.value).toBeCloseTo(0.65);
    expect(metrics.total?.value).toBe(6);
    expect(metrics.start?.value).toBe(0.9);
  });

  it("joins lines split across chunks, one byte at a time, with CRLF endings", () => {
    const extractor = createMetricExtractor([defineMetric("loss", "loss=(\\S+)$")]);
    for (const byte of Buffer.from("loss=1.5\r\nnoise\r\nloss=2.5\r\n")) extractor.write(Buffer.from([byte]));
    expect(extractor.finish().metrics.loss?.series).toEqual([1.5, 2.5]);
  });

  it("reads a last line that has no newline", () => {
    const extractor = createMetricExtractor([loss]);
    extractor.write("loss=1\nloss=2");
    expect(extractor.finish().metrics.loss?.series).toEqual([1, 2]);
  });

  it("keeps stdout and stderr partial lines apart", () => {
    const extractor = createMetricExtractor([loss]);
    extractor.write("loss=1", "stdout");
    extractor.write("warning: slow\n", "stderr");
    extractor.write("2\n", "stdout");
    expect(extractor.finish().metrics.loss?.series).toEqual([12]);
  });

  it("reports NaN, infinity, text and absence as problems with no value", () => {
    const extractor = createMetricExtractor([
      defineMetric("a", "a=(\\S+)"),
      defineMetric("b", "b=(\\S+)"),
      defineMetric("c", "c=(\\S*)"),
      defineMetric("d", "d=(\\S+)"),
    ]);
    extractor.write("a=1 b=inf c=fast\na=nan b=2 c=\n");
    const { metrics } = extractor.finish();
    expect(metrics.a).toMatchObject({ value: null, problem: "nan", count: 2, series: [1] });
    expect(metrics.b).toMatchObject({ value: null, problem: "infinite" });
    expect(metrics.c).toMatchObject({ value: null, problem: "non_numeric" });
    expect(metrics.c?.problemDetail).toContain('"fast"');
    expect(metrics.d).toEqual({
      value: null,
      series: [],
      count: 0,
      seriesTruncated: false,
      sources: [],
      problem: "missing",
    });
  });

  it("caps the series but keeps the count and the streaming aggregates exact", () => {
    const extractor = createMetricExtractor([defineMetric("x", "x=(\\d+)", "mean")], { seriesLimit: 10 });
    for (let i = 1; i <= 1000; i++) extractor.write(`x=${i}\n`);
    const x = extractor.finish().metrics.x;
    expect(x).toMatchObject({ count: 1000, seriesTruncated: true, value: 500.5 });
    expect(x?.series).toHaveLength(10);
  });

  it("examines only the start of a line longer than the limit, without holding the rest", () => {
    const extractor = createMetricExtractor([defineMetric("x", "x=(\\d+)"), defineMetric("y", "y=(\\d+)")], {
      maxLineBytes: 1024,
    });
    extractor.write("x=1 ");
    for (let i = 0; i < 100; i++) extractor.write("a".repeat(10_000));
    extractor.write("y=2\nx=3\n");
    const result = extractor.finish();
    expect(result.metrics.x?.series).toEqual([1, 3]);
    expect(result.metrics.y?.problem).toBe("missing");
    expect(result.truncatedLines).toBe(1);
  });

  it("survives binary and invalid UTF-8 bytes around metric lines", () => {
    const extractor = createMetricExtractor([defineMetric("x", "x=(\\d+)"), defineMetric("é", "é=(\\d+)")]);
    extractor.write(Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x0a]));
    extractor.write(
      Buffer.concat([Buffer.from([0xc3]), Buffer.from(" x=7 é=8\n"), Buffer.from([0xe2, 0x28, 0xa1])]),
    );
    const { metrics } = extractor.finish();
    expect(metrics.x?.value).toBe(7);
    expect(metrics.é?.value).toBe(8);
  });

  it("runs patterns without a literal on every line", () => {
    const extractor = createMetricExtractor([defineMetric("n", "^(\\d+)$")]);
    extractor.write("12\nabc\n34\n");
    expect(extractor.finish().metrics.n?.series).toEqual([12, 34]);
  });
});

describe("the emit protocol in output", () => {
  it("feeds prefixed records into the same series as pattern matches, in order", () => {
    const extractor = createMetricExtractor([loss]);
    extractor.write('loss=1\nmaat:metric {"name":"loss","value":2}\nloss=3\n');
    extractor.write('[rank0]: maat:metric {"name": "loss", "value": 4, "step": 4}\n');
    const observation = extractor.finish().metrics.loss;
    expect(observation?.series).toEqual([1, 2, 3, 4]);
    expect(observation?.sources).toEqual(["pattern", "emit"]);
  });

  it("records emitted metrics the descriptor does not declare, with their unit", () => {
    const extractor = createMetricExtractor([]);
    extractor.write('maat:metric {"name":"tokens_per_s","value":950,"unit":"tokens/s"}\n');
    const result = extractor.finish();
    expect(result.metrics.tokens_per_s?.value).toBe(950);
    expect(result.undeclared).toEqual({ tokens_per_s: { unit: "tokens/s" } });
  });

  it("turns NaN and Infinity strings into problems", () => {
    const extractor = createMetricExtractor([defineMetric("loss", undefined)]);
    extractor.writeEmitFile('{"name":"loss","value":1}\n{"name":"loss","value":"NaN"}\n');
    expect(extractor.finish().metrics.loss).toMatchObject({ value: null, problem: "nan", count: 2 });
  });

  it("counts malformed records and keeps the first, without failing", () => {
    const extractor = createMetricExtractor([defineMetric("loss", undefined)]);
    extractor.write('maat:metric {"name":"loss"\nmaat:metric {"name":"loss","value":"2"}\nmaat:metric [1]\n');
    extractor.writeEmitFile('{"name":"loss","value":3}\nnot json\n');
    const result = extractor.finish();
    expect(result.metrics.loss?.value).toBe(3);
    expect(result.malformedEmits.count).toBe(4);
    expect(result.malformedEmits.example).toContain("not JSON");
  });
});
