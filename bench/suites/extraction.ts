// Extraction speed: Maat's streaming extractor against `grep -E -o` on a generated training log.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import type { MetricDefinition } from "../../src/descriptor/types.js";
import { extractMetricsFromFile } from "../../src/metrics/extract-file.js";
import type { BenchRow, BenchSuite } from "../row.js";

const PATTERNS = ["loss=([0-9.]+)", "throughput=([0-9.]+) samples/s", "accuracy=([0-9.]+)"];
const MIB = 1024 * 1024;
/** argv[2] of the bundle when it runs as the measured child (see measureMaat). */
const CHILD_FLAG = "--maat-extraction-child";

const metrics: MetricDefinition[] = PATTERNS.map((pattern, index) => ({
  name: `m${index}`,
  units: "",
  pattern,
  direction: "unknown",
  directionInferred: false,
  aggregate: "mean",
  thresholds: {},
}));

// The child mode runs before bench/main.ts's own code (this module is evaluated first in the
// bundle) and exits, so the child's peak RSS is the extractor's alone, not the parent's.
if (process.argv[2] === CHILD_FLAG) {
  const started = performance.now();
  const result = await extractMetricsFromFile(process.argv[3] as string, metrics, {
    highWaterMark: 256 * 1024,
  });
  const matches = Object.values(result.metrics).reduce((sum, observation) => sum + observation.count, 0);
  const report = { ms: performance.now() - started, maxRssKiB: process.resourceUsage().maxRSS, matches };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

export const extractionSuite: BenchSuite = {
  name: "extraction",
  async run(): Promise<BenchRow[]> {
    const sizeMiB = Number(process.env.MAAT_BENCH_LOG_MB ?? 1024);
    const log = join(tmpdir(), `maat-bench-extraction-${process.pid}.log`);
    try {
      const bytes = await writeTrainingLog(log, sizeMiB * MIB);
      const grep = await measureGrep(log);
      const maat = await measureMaat(log);
      const mbps = (ms: number) => `${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`;
      const ratio = maat.wallMs / grep.wallMs;
      const rssMB = (maat.maxRssKiB * 1024) / 1e6;
      const sizeLabel = `${sizeMiB} MiB log, 3 patterns`;
      return [
        {
          suite: "extraction",
          case: `time (${sizeLabel})`,
          value: `${mbps(maat.wallMs)} (${(maat.wallMs / 1000).toFixed(2)} s)`,
          reference: `grep -E -o: ${mbps(grep.wallMs)} (${(grep.wallMs / 1000).toFixed(2)} s)`,
          ratio,
          target: "<= 1.5x grep",
          met: ratio <= 1.5,
        },
        {
          suite: "extraction",
          case: `peak RSS (${sizeLabel})`,
          value: `${rssMB.toFixed(0)} MB`,
          reference: "-",
          ratio: null,
          target: "< 150 MB",
          met: rssMB < 150,
        },
        {
          suite: "extraction",
          case: "matches found",
          value: String(maat.matches),
          reference: `grep -E -o: ${grep.matches}`,
          ratio: null,
          target: "equal",
          met: maat.matches === grep.matches,
        },
      ];
    } finally {
      await rm(log, { force: true });
    }
  },
};

/** A log shaped like a training run: loss and throughput on most lines, accuracy every 50th, noise. */
async function writeTrainingLog(path: string, size: number): Promise<number> {
  const out = createWriteStream(path);
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let written = 0;
  let step = 0;
  while (written < size) {
    let block = "";
    while (block.length < MIB) {
      step++;
      const time = `2024-05-01 12:${String(Math.floor(step / 60) % 60).padStart(2, "0")}:${String(step % 60).padStart(2, "0")},123`;
      if (step % 50 === 0)
        block += `${time} INFO eval epoch=${Math.floor(step / 1000)} accuracy=${random().toFixed(4)}\n`;
      else if (step % 7 === 0)
        block += `${time} DEBUG data loader worker ${step % 8} fetched batch ${step} from shard /data/train-${String(step % 1000).padStart(5, "0")}.tar\n`;
      else {
        block += `${time} INFO epoch=${Math.floor(step / 1000)} step=${step} loss=${random().toFixed(5)} lr=${(random() / 1000).toFixed(6)} throughput=${(1000 + random() * 500).toFixed(1)} samples/s\n`;
      }
    }
    written += Buffer.byteLength(block);
    if (!out.write(block)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
  return written;
}

/**
 * One grep process with all three patterns: one pass over the file, like Maat. LC_ALL=C is
 * grep's fastest mode. Its output goes through a pipe that we count: GNU grep stops at the
 * first match when stdout is /dev/null, which would measure nothing.
 */
async function measureGrep(log: string): Promise<{ wallMs: number; matches: number }> {
  const args = ["-E", "-o", ...PATTERNS.flatMap((p) => ["-e", p]), log];
  const started = performance.now();
  const child = spawn("grep", args, {
    env: { ...process.env, LC_ALL: "C" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let matches = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) matches++;
  });
  await new Promise((resolve) => child.once("close", resolve));
  return { wallMs: performance.now() - started, matches };
}

/**
 * Runs the extractor in a child: this same bundle (process.argv[1]) started with CHILD_FLAG,
 * so the child needs no other file and its peak RSS (resourceUsage().maxRSS) is its own.
 * Wall time includes Node's start-up, as grep's includes its own.
 */
async function measureMaat(log: string): Promise<{ wallMs: number; maxRssKiB: number; matches: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [process.argv[1] as string, CHILD_FLAG, log], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise((resolve) => child.once("close", resolve));
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`the extraction child exited with code ${String(code)}`);
  const report = JSON.parse(output) as { maxRssKiB: number; matches: number };
  return { wallMs, maxRssKiB: report.maxRssKiB, matches: report.matches };
}
