import type { ExtractionResult } from "../metrics/metric-extractor.js";
import type { RepetitionOutcome } from "./runner.js";

/**
 * Client metrics first, then the server's; extraction troubles become notes. Every runner
 * uses it, so a benchmark's receipt reads the same on any backend.
 */
export function mergeExtractions(
  client: ExtractionResult,
  server: ExtractionResult | undefined,
  notes: string[],
): Pick<RepetitionOutcome, "metrics" | "undeclaredMetrics"> {
  const metrics = { ...client.metrics };
  const undeclaredMetrics = { ...client.undeclared };
  for (const [label, result] of [
    ["benchmark", client],
    ["server", server],
  ] as const) {
    if (result === undefined) continue;
    if (result.malformedEmits.count > 0) {
      notes.push(
        `${result.malformedEmits.count} malformed emit line(s) in the ${label} output, first: ${result.malformedEmits.example}`,
      );
    }
    if (result.truncatedLines > 0) {
      notes.push(
        `${result.truncatedLines} line(s) of the ${label} output were longer than the line limit and cut`,
      );
    }
  }
  if (server !== undefined) {
    for (const [name, observation] of Object.entries(server.metrics)) {
      if (name in metrics)
        notes.push(`metric ${name} appears in both outputs; the benchmark's value is kept`);
      else metrics[name] = observation;
    }
    for (const [name, unit] of Object.entries(server.undeclared)) undeclaredMetrics[name] ??= unit;
  }
  return { metrics, undeclaredMetrics };
}
