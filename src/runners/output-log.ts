import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { Writable } from "node:stream";
import type { MetricExtractor } from "../metrics/metric-extractor.js";
import { createSecretMasker, maskSecrets } from "./benchmark-environment.js";
import { CappedLog, type LogSummary } from "./capped-log.js";
import type { OutputStream } from "./runner.js";

/**
 * One log file of a repetition for runners that receive output as streams (a container's
 * attachment, pods' logs): capped like the local runner's (head and tail kept, never pausing the
 * benchmark), secrets masked in the file and the live echo, raw output to the metric extractor.
 */
export interface OutputLog {
  /** Writes a chunk; `channel` keeps the extractor's partial lines of different sources apart. */
  write(chunk: Buffer, channel: string, stream: OutputStream): void;
  /** A writable for one source (a pod's log); ending it leaves the file open for others. */
  writer(channel: string, stream: OutputStream): Writable;
  close(): Promise<LogSummary>;
}

export interface OutputLogOptions {
  extractor: MetricExtractor;
  onOutput?: ((chunk: Buffer, stream: OutputStream) => void) | undefined;
  /** Values masked as *** wherever output is written or echoed. */
  secrets?: readonly string[] | undefined;
  logCap?: { headBytes?: number; tailBytes?: number } | undefined;
}

export async function openOutputLog(path: string, options: OutputLogOptions): Promise<OutputLog> {
  await mkdir(dirname(path), { recursive: true });
  const log = await CappedLog.open(path, options.logCap ?? {});
  const secrets = options.secrets ?? [];
  const masker = createSecretMasker(secrets);
  const write = (chunk: Buffer, channel: string, stream: OutputStream) => {
    log.write(masker.push(chunk));
    options.extractor.write(chunk, channel);
    if (options.onOutput !== undefined) {
      options.onOutput(
        secrets.length === 0 ? chunk : Buffer.from(maskSecrets(chunk.toString("utf8"), secrets)),
        stream,
      );
    }
  };
  return {
    write,
    writer: (channel, stream) =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          write(chunk, channel, stream);
          callback();
        },
      }),
    close: async () => {
      log.write(masker.end());
      return log.close();
    },
  };
}
