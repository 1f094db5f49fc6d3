// The measured child of the extraction suite: the extractor alone, as `maat run` uses it, in a
// process that loads nothing else, so its peak memory is the extractor's. Prints the match count.
// Usage: node build/extract-child.js <log> <pattern>...
import type { MetricDefinition } from "../src/descriptor/types.js";
import { extractMetricsFromFile } from "../src/metrics/extract-file.js";

const [log, ...patterns] = process.argv.slice(2);
const metrics: MetricDefinition[] = patterns.map((pattern, index) => ({
  name: `m${index}`,
  units: "",
  pattern,
  direction: "unknown",
  directionInferred: false,
  aggregate: "mean",
  thresholds: {},
}));
const result = await extractMetricsFromFile(log as string, metrics, { highWaterMark: 256 * 1024 });
process.stdout.write(`${Object.values(result.metrics).reduce((sum, m) => sum + m.count, 0)}\n`);
