/** A Docker object name for a benchmark's run: `maat-<id>-<last 8 of the run id>`, safe characters only. */
export function containerBaseName(benchmarkId: string, runId: string): string {
  const id = benchmarkId
    .replace(/[^a-zA-Z0-9_.-]+/g, "-")
    .replace(/^[^a-zA-Z0-9]+/, "")
    .slice(0, 40);
  const run = runId
    .replace(/[^a-zA-Z0-9]/g, "")
    .slice(-8)
    .toLowerCase();
  return `maat-${id || "benchmark"}-${run}`;
}

/** Labels on every container and network of a run, so leftovers can be found (`docker ps -a --filter label=maat.dev/run-id`). */
export function runLabels(benchmarkId: string, runId: string, component: string): Record<string, string> {
  return {
    "maat.dev/managed-by": "maat",
    "maat.dev/benchmark": benchmarkId,
    "maat.dev/run-id": runId,
    "maat.dev/component": component,
  };
}
