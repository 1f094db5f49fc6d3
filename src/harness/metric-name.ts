import { sha256Hex } from "../sha256.js";

const MAX_LENGTH = 128;

/**
 * A Maat metric name (`^[A-Za-z0-9][A-Za-z0-9_.-]*$`, at most 128 characters) from a
 * harness's benchmark name and an optional suffix: `/` becomes `.`, any other run of
 * characters outside the set becomes `_`, and a name cut to length keeps a hash of the whole.
 *
 * @example harnessMetricName("test_fib[5]") // "test_fib_5"
 * @example harnessMetricName("BenchmarkJoin-2", "B/op") // "BenchmarkJoin-2.B_per_op"
 */
export function harnessMetricName(benchmark: string, suffix?: string): string {
  const parts = [clean(benchmark)];
  if (suffix !== undefined) parts.push(clean(suffix.replaceAll("/", "_per_")));
  let name = parts.filter((p) => p !== "").join(".") || "unnamed";
  if (name.length > MAX_LENGTH) {
    const hash = sha256Hex(`${benchmark}\u0000${suffix ?? ""}`).slice(0, 8);
    name = `${name.slice(0, MAX_LENGTH - 9)}-${hash}`;
  }
  return name;
}

function clean(text: string): string {
  return text
    .trim()
    .replaceAll("/", ".")
    .replace(/[^A-Za-z0-9_.-]+/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^[^A-Za-z0-9]+/, "")
    .replace(/[_.]+$/, "");
}
