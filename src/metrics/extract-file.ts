import { type FileHandle, open } from "node:fs/promises";
import type { MetricDefinition } from "../descriptor/types.js";
import {
  createMetricExtractor,
  type ExtractionResult,
  type ExtractorOptions,
  type MetricExtractor,
} from "./metric-extractor.js";

/** Reads a log (or a metrics file, with `emitFile`) and extracts its metrics. */
export async function extractMetricsFromFile(
  path: string,
  definitions: MetricDefinition[],
  options: ExtractorOptions & { emitFile?: boolean; highWaterMark?: number } = {},
): Promise<ExtractionResult> {
  const extractor = createMetricExtractor(definitions, options);
  const handle = await open(path, "r");
  try {
    await readInto(handle, options.highWaterMark ?? 1024 * 1024, (chunk) => {
      if (options.emitFile === true) extractor.writeEmitFile(chunk);
      else extractor.write(chunk);
    });
  } finally {
    await handle.close();
  }
  return extractor.finish();
}

/** Streams a MAAT_METRICS_FILE into an extractor; a missing file adds nothing. */
export async function feedEmitFile(path: string, extractor: MetricExtractor): Promise<void> {
  const handle = await open(path, "r").catch(() => undefined);
  if (handle === undefined) return;
  try {
    await readInto(handle, 256 * 1024, (chunk) => extractor.writeEmitFile(chunk));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Reads a file through one reused buffer, handing each read to `onChunk` as a view valid only
 * during the call (the extractor copies the partial line it keeps). A read stream allocates a
 * buffer per read that lives until the next collection: tens of MiB for a large log.
 */
async function readInto(handle: FileHandle, bytes: number, onChunk: (chunk: Buffer) => void): Promise<void> {
  const buffer = Buffer.allocUnsafe(bytes);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, bytes, null);
    if (bytesRead === 0) return;
    onChunk(buffer.subarray(0, bytesRead));
  }
}
