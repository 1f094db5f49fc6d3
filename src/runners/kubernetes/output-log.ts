import { createWriteStream } from "node:fs";
import { Writable } from "node:stream";
import type { MetricExtractor } from "../../metrics/metric-extractor.js";
import type { OutputStream } from "../runner.js";

/** One log file of a repetition, fed by the logs of one or more pods as they arrive. */
export interface OutputLog {
  /** A fresh writable for one pod's log; ending it leaves the file open for others. */
  writer(channel: string): Writable;
  close(): Promise<void>;
}

/**
 * Every chunk goes to the file, to the metric extractor (each pod its own channel, so a
 * partial line of one never joins another's) and to `onOutput`.
 */
export function openOutputLog(
  path: string,
  extractor: MetricExtractor,
  stream: OutputStream,
  onOutput?: (chunk: Buffer, stream: OutputStream) => void,
): OutputLog {
  const file = createWriteStream(path, { flags: "w" });
  // A write error (disk full) must not crash the run; the file is best effort, the metrics are not.
  file.on("error", () => {});
  return {
    writer(channel) {
      return new Writable({
        write(chunk: Buffer, _encoding, callback) {
          file.write(chunk);
          extractor.write(chunk, channel);
          onOutput?.(chunk, stream);
          callback();
        },
      });
    },
    close: () => new Promise((resolve) => file.end(() => resolve())),
  };
}
