import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { PreparedSource } from "../../data/prepared-source.js";
import { METRICS_FILE_ENV } from "../../metrics/emit-record.js";
import { feedEmitFile } from "../../metrics/extract-file.js";
import { createMetricExtractor, type ExtractionResult } from "../../metrics/metric-extractor.js";
import { describeExit } from "../local/exit-status.js";
import { defaultProbe, type Readiness, waitUntilReady } from "../local/readiness.js";
import { type RepetitionRequest, RunnerError } from "../runner.js";
import { type RunningContainer, startContainer } from "./container.js";
import { CONTAINER_METRICS_FILE, command, emptyMetricsFile, hardware } from "./container-parts.js";
import type { Mount } from "./container-spec.js";
import { dataMounts } from "./data-mounts.js";
import { firstLines } from "./docker-cli.js";
import type { ImageFacts } from "./images.js";
import { runLabels } from "./names.js";
import type { DockerSettings } from "./settings.js";

/** The address a containerised server should listen on: every interface of its container. */
export const CONTAINER_BIND_HOST = "0.0.0.0";

export interface InferencePair {
  ready: Readiness;
  /** The run's private network: the client joins it. */
  network: string;
  /** INFERENCE_SERVER_HOST (the server container's name on that network) and the ports. */
  clientEnv: Record<string, string>;
  notes: string[];
  /** Stops and removes the server and the network (once; later calls return the same). */
  finish(): Promise<{ extraction: ExtractionResult; notes: string[] }>;
}

/**
 * The inference server of a run: a private network created for the run, the server container
 * on it (named `<base>-server`, which the client reaches as INFERENCE_SERVER_HOST), its ports
 * published on 127.0.0.1 only so this host can probe readiness before the client starts.
 */
export async function startInferencePair(input: {
  request: RepetitionRequest;
  settings: DockerSettings;
  base: string;
  runId: string;
  code: { mounts: Mount[]; workdir?: string };
  /** The server's models, prepared on this host. */
  models: readonly PreparedSource[];
  serverLog: string;
  noteImage: (facts: ImageFacts) => void;
}): Promise<InferencePair> {
  const { request, settings, base } = input;
  const descriptor = request.descriptor;
  const server = descriptor.server;
  if (server === undefined) throw new Error("startInferencePair needs a [server]");
  if (server.env.startCommand.trim() === "") {
    throw new RunnerError(`${descriptor.path}: server.env.start_command is not set`, {
      phase: "server",
      hint: "set server.env.start_command to the command that starts the inference server",
    });
  }
  const image = await settings.images.ensure(server.env.dockerImage);
  input.noteImage(image);
  const models = dataMounts(input.models, { vars: server.env.vars, field: "server.models" });
  const network = `${base}-net`;
  await settings.cli.check(
    ["network", "create", ...labelArgs(runLabels(descriptor.id, input.runId, "network")), network],
    "server",
  );
  const metricsFile = await emptyMetricsFile(join(request.workDir, "server-metrics.jsonl"));
  const extractor = createMetricExtractor(server.output.metrics, settings.extractor);
  const name = `${base}-server`;
  let container: RunningContainer | undefined;
  let finishing: ReturnType<InferencePair["finish"]> | undefined;
  const finish = (): ReturnType<InferencePair["finish"]> => {
    finishing ??= (async () => {
      const notes: string[] = [];
      if (container !== undefined) {
        const endedEarly = container.ended();
        await container.stop();
        const exit = await container.done;
        if (endedEarly && ready?.ready === true) {
          notes.push(
            `the server ${describeExit({ exitCode: exit.exitCode, signal: null })} while the benchmark ran`,
          );
        }
        const trouble = await container.remove();
        if (trouble !== undefined) notes.push(trouble);
      }
      const removed = await settings.cli.exec(["network", "rm", network]);
      if (removed.code !== 0)
        notes.push(`could not remove network ${network}: ${firstLines(removed.stderr)}`);
      await feedEmitFile(metricsFile, extractor);
      return { extraction: extractor.finish(), notes };
    })();
    return finishing;
  };

  let ready: Readiness | undefined;
  try {
    container = await startContainer(
      settings.cli,
      {
        name,
        image: image.reference,
        labels: runLabels(descriptor.id, input.runId, "server"),
        env: {
          ...server.env.vars,
          INFERENCE_SERVER_BIND_HOST: CONTAINER_BIND_HOST,
          [METRICS_FILE_ENV]: CONTAINER_METRICS_FILE,
        },
        mounts: [
          ...input.code.mounts,
          ...models,
          { source: metricsFile, target: CONTAINER_METRICS_FILE, readOnly: false },
        ],
        ...(input.code.workdir === undefined ? {} : { workdir: input.code.workdir }),
        network,
        publish: server.env.ports,
        ...hardware(server.hardware, server.env, settings),
        privileged: server.env.privileged,
        ...command(server.env.startCommand, server.env.startCommandArgs),
      },
      {
        phase: "server",
        logFile: input.serverLog,
        extractor,
        echoAs: "server",
        ...(request.onOutput === undefined ? {} : { onOutput: request.onOutput }),
        ...(request.secrets === undefined ? {} : { secrets: request.secrets }),
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        stopGraceMs: settings.docker.stopGraceMs,
      },
    );
    const started = container;
    const declared = server.env.readinessProbe;
    const probe = declared ?? defaultProbe(server.env.ports[0] ?? 80);
    const hostPort = await publishedPort(settings, started, probe.port);
    ready =
      typeof hostPort === "string"
        ? { ready: false, reason: hostPort }
        : await waitUntilReady(
            { ...probe, port: hostPort },
            {
              serverExited: started.done.then((exit) =>
                exit.startError !== undefined
                  ? `could not start (${exit.startError})`
                  : describeExit({ exitCode: exit.exitCode, signal: null }),
              ),
              ...(request.signal === undefined ? {} : { signal: request.signal }),
              allowanceProbes: settings.readinessAllowanceProbes,
              tcpOnly: declared === undefined,
              // Docker's port proxy accepts a connection even while nothing listens behind it.
              tcpHoldMs: 500,
            },
          );
  } catch (error) {
    await finish();
    throw error;
  }
  const ports = server.env.ports;
  return {
    ready,
    network,
    clientEnv: {
      INFERENCE_SERVER_HOST: name,
      ...(ports[0] === undefined ? {} : { INFERENCE_SERVER_PORT: String(ports[0]) }),
      ...Object.fromEntries(ports.map((port, i) => [`INFERENCE_SERVER_PORT_${i + 1}`, String(port)])),
    },
    notes: [],
    finish,
  };
}

/**
 * The 127.0.0.1 port Docker published for a container port; a sentence instead when the
 * server stopped before Docker could say (a stopped container has no published ports).
 */
async function publishedPort(
  settings: DockerSettings,
  server: RunningContainer,
  port: number,
): Promise<number | string> {
  // Ports are published when the container starts, a moment after `docker start` was called.
  const status = async () => {
    const state = await settings.cli.exec([
      "container",
      "inspect",
      "--format",
      "{{.State.Status}}",
      server.name,
    ]);
    return state.code === 0 ? state.stdout.trim() : "gone";
  };
  while ((await status()) === "created" && !server.ended()) await sleep(50);
  const result = await settings.cli.exec(["port", server.name, `${port}/tcp`]);
  const found = /127\.0\.0\.1:(\d+)/.exec(result.stdout);
  if (found === null) {
    // A server that has already stopped has no published ports any more.
    if ((await status()) !== "running") {
      const exit = await server.done;
      const how =
        exit.startError !== undefined
          ? `could not start (${exit.startError})`
          : describeExit({ exitCode: exit.exitCode, signal: null });
      return `the server ${how} before it became ready`;
    }
    const mapped = firstLines(result.stdout || result.stderr);
    throw new RunnerError(
      `Docker published no 127.0.0.1 port for port ${port} of ${server.name} (got "${mapped}")`,
      {
        phase: "server",
        hint: "the readiness probe's port must be one of server.env.ports",
      },
    );
  }
  return Number(found[1]);
}

function labelArgs(labels: Record<string, string>): string[] {
  return Object.entries(labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]);
}
