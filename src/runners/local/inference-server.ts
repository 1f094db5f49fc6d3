import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ServerDefinition } from "../../descriptor/types.js";
import { METRICS_FILE_ENV } from "../../metrics/emit-record.js";
import { feedEmitFile } from "../../metrics/extract-file.js";
import {
  createMetricExtractor,
  type ExtractionResult,
  type ExtractorOptions,
} from "../../metrics/metric-extractor.js";
import { type RepetitionRequest, RunnerError } from "../runner.js";
import { commandLine, composeEnv } from "./benchmark-env.js";
import { type PlacedData, rewriteDataPaths } from "./data-sources.js";
import { describeExit } from "./exit-status.js";
import { startLoggedProcess } from "./logged-process.js";
import { defaultProbe, type Readiness, waitUntilReady } from "./readiness.js";

export interface InferenceServer {
  ready: Readiness;
  /** Stops the server's whole group; returns its metrics and a note when it had died early. */
  stop(): Promise<{ extraction: ExtractionResult; note?: string }>;
}

/**
 * Starts `server.env.start_command start_command_args` in its own process group, logging to
 * its own file, and waits for its readiness probe (a TCP connect to the first port when the
 * descriptor declares no probe).
 */
export async function startInferenceServer(
  server: ServerDefinition,
  options: {
    request: RepetitionRequest;
    /** The server's models, linked in the work folder (MAAT_MODEL_* and rewritten paths). */
    models: PlacedData;
    logFile: string;
    graceMs: number;
    allowanceProbes: number;
    extractor: ExtractorOptions;
  },
): Promise<InferenceServer> {
  const { request } = options;
  const start = server.env.startCommand.trim();
  if (start === "") {
    throw new RunnerError(`${request.descriptor.path}: server.env.start_command is not set`, {
      phase: "server",
      hint: "set server.env.start_command to the command that starts the inference server",
    });
  }
  const metricsFile = join(request.workDir, "server-metrics.jsonl");
  await writeFile(metricsFile, "");
  const extractor = createMetricExtractor(server.output.metrics, options.extractor);
  const args = rewriteDataPaths(server.env.startCommandArgs ?? "", options.models.replacements);
  const serverProcess = await startLoggedProcess(commandLine(start, args), {
    cwd: request.cwd,
    // The server listens where its client and the probe reach it: this machine's loopback.
    env: composeEnv(
      request.env,
      { INFERENCE_SERVER_BIND_HOST: "127.0.0.1" },
      server.env.vars,
      options.models.env,
      {
        [METRICS_FILE_ENV]: metricsFile,
      },
    ),
    logFile: options.logFile,
    extractor,
    echoAs: "server",
    onOutput: request.onOutput,
    graceMs: options.graceMs,
    signal: request.signal,
    ...(request.secrets === undefined ? {} : { secrets: request.secrets }),
  });
  const serverExited = serverProcess.done.then(({ exit }) => describeExit(exit));
  const declared = server.env.readinessProbe;
  const firstPort = server.env.ports[0];
  let ready: Readiness = { ready: true };
  if (declared !== undefined || firstPort !== undefined) {
    ready = await waitUntilReady(declared ?? defaultProbe(firstPort as number), {
      serverExited,
      signal: request.signal,
      allowanceProbes: options.allowanceProbes,
      tcpOnly: declared === undefined,
    });
  }
  return {
    ready,
    async stop() {
      const endedEarly = serverProcess.ended();
      await serverProcess.stop();
      const { exit } = await serverProcess.done;
      await feedEmitFile(metricsFile, extractor);
      const extraction = extractor.finish();
      if (endedEarly && ready.ready)
        return { extraction, note: `the server ${describeExit(exit)} while the benchmark ran` };
      return { extraction };
    },
  };
}
