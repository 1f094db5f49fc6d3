import type { Direction } from "./types.js";

// Words that say what a metric measures. Kept small and obvious: when in doubt, "unknown".
const HIGHER_WORDS = new Set([
  "throughput",
  "accuracy",
  "acc",
  "top1",
  "top5",
  "f1",
  "bleu",
  "rouge",
  "precision",
  "recall",
  "auc",
  "map",
  "iou",
  "speedup",
  "qps",
  "fps",
  "tps",
  "rps",
  "goodput",
  "bandwidth",
  "tflops",
  "gflops",
  "flops",
]);
const LOWER_WORDS = new Set([
  "latency",
  "time",
  "duration",
  "elapsed",
  "ms",
  "s",
  "sec",
  "secs",
  "second",
  "seconds",
  "us",
  "ns",
  "min",
  "mins",
  "minutes",
  "loss",
  "error",
  "errors",
  "err",
  "wer",
  "cer",
  "perplexity",
  "ppl",
  "bytes",
  "byte",
  "memory",
  "mem",
  "kb",
  "mb",
  "gb",
  "kib",
  "mib",
  "gib",
  "rss",
]);

// "img/sec", "samples/s", "tokens / second", "req/s", "images_per_sec", "per second".
const RATE = /(?:\/\s*|\bper[\s_-]*)(?:s|sec|secs|second|seconds|ms|min|minute|h|hour)\b/i;

/**
 * Whether bigger is better for a metric, judged from its name and units; "unknown" when the
 * words disagree or say nothing. A rate (anything per unit of time) is always higher_is_better.
 *
 * @example inferDirection("throughput", "img/sec") // "higher_is_better"
 * @example inferDirection("p99", "ms") // "lower_is_better"
 */
export function inferDirection(name: string, units: string): Direction {
  if (RATE.test(units) || RATE.test(name.replaceAll("_", " "))) return "higher_is_better";
  const votes = new Set<Direction>();
  for (const word of [...words(name), ...words(units)]) {
    if (HIGHER_WORDS.has(word)) votes.add("higher_is_better");
    if (LOWER_WORDS.has(word)) votes.add("lower_is_better");
  }
  const [only] = votes;
  return votes.size === 1 && only !== undefined ? only : "unknown";
}

/** "trainLoss_p99 (ms)" -> ["train", "loss", "p99", "ms"] */
function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}
