import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { MetricDefinition } from "../descriptor/types.js";
import {
  createMetricExtractor,
  type ExtractionResult,
  type ExtractorOptions,
  type MetricExtractor,
} from "./metric-extractor.js";

/** Reads a log (or a metrics file, with `emitFile`) as a stream and extracts its metrics. */
export async function extractMetricsFromFile(
  path: string,
  definitions: MetricDefinition[],
  options: ExtractorOptions & { emitFile?: boolean; highWaterMark?: number } = {},
): Promise<ExtractionResult> {
  const extractor = createMetricExtractor(definitions, options);
  const stream = createReadStream(path, { highWaterMark: options.highWaterMark ?? 1024 * 1024 });
  for await (const chunk of stream) {
    if (options.emitFile === true) extractor.writeEmitFile(chunk as Buffer);
    else extractor.write(chunk as Buffer);
  }
  return extractor.finish();
}

/** Streams a MAAT_METRICS_FILE into an extractor; a missing file adds nothing. */
export async function feedEmitFile(path: string, extractor: MetricExtractor): Promise<void> {
  const handle = await open(path, "r").catch(() => undefined);
  if (handle === undefined) return;
  try {
    for await (const chunk of handle.createReadStream({ highWaterMark: 256 * 1024 })) {
      extractor.writeEmitFile(chunk as Buffer);
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}
