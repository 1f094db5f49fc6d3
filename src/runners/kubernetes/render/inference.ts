import type { V1Container, V1Deployment, V1EnvVar, V1Probe, V1Service } from "@kubernetes/client-node";
import type { Descriptor, Probe, ServerDefinition } from "../../../descriptor/types.js";
import { benchmarkPodInput } from "./benchmark-pod-input.js";
import { planDataFetch } from "./data-fetch.js";
import { renderJob } from "./job.js";
import { COMPONENT_LABEL, objectMeta, RUN_ID_LABEL, runLabels } from "./metadata.js";
import { labelValue } from "./names.js";
import { renderPodSpec } from "./pod.js";
import { KubernetesRenderError } from "./render-error.js";
import { shellQuote } from "./shell.js";
import { DEFAULT_FETCHER_IMAGE, type KubernetesObject, type RenderOptions } from "./types.js";

/**
 * `inference` (and `client_server`): the server as a Deployment behind a Service, the client
 * (the benchmark) as a Job that finds the server through INFERENCE_SERVER_HOST and
 * INFERENCE_SERVER_PORT / INFERENCE_SERVER_PORT_<n>. Order: client Job, then the Service and
 * Deployment with `withOwner(…, job)`, so deleting the Job removes the server too. The client
 * waits in an init container until the server answers, so creating it first is safe.
 */
export function renderInference(
  name: string,
  descriptor: Descriptor,
  options: RenderOptions,
): KubernetesObject[] {
  const server = descriptor.server;
  if (server === undefined) {
    throw new KubernetesRenderError(
      `Benchmark "${descriptor.id}" uses the inference strategy but has no [server].`,
      {
        hint: "Describe the server under [server] (hardware, env with docker_image, ports, start_command).",
      },
    );
  }
  const serverName = `${name}-server`;
  const host =
    options.namespace === undefined ? serverName : `${serverName}.${options.namespace}.svc.cluster.local`;
  return [
    renderClient(name, host, server, descriptor, options),
    renderService(serverName, server, descriptor, options),
    renderServer(serverName, server, descriptor, options),
  ];
}

function renderClient(
  name: string,
  host: string,
  server: ServerDefinition,
  descriptor: Descriptor,
  options: RenderOptions,
): KubernetesObject {
  const ports = server.env.ports;
  const serverEnv: V1EnvVar[] = [
    { name: "INFERENCE_SERVER_HOST", value: host },
    { name: "INFERENCE_SERVER_PORT", value: String(ports[0]) },
    ...ports.map((port, i) => ({ name: `INFERENCE_SERVER_PORT_${i + 1}`, value: String(port) })),
  ];
  const podSpec = renderPodSpec(
    {
      ...benchmarkPodInput(descriptor, options),
      extraEnv: serverEnv,
      initContainers: [waitForServer(host, server, options)],
    },
    options,
  );
  return renderJob(name, podSpec, descriptor, options, "client");
}

/** Polls the server (its readiness path, else any HTTP answer) so the client starts against a ready server. */
function waitForServer(host: string, server: ServerDefinition, options: RenderOptions): V1Container {
  const probe = server.env.readinessProbe;
  const url = `${probe?.scheme ?? "http"}://${host}:${probe?.port ?? server.env.ports[0]}${probe?.path ?? "/"}`;
  const check =
    probe === undefined ? "curl -sk -o /dev/null --max-time 2" : "curl -fsk -o /dev/null --max-time 2";
  return {
    name: "wait-for-server",
    image: options.fetcherImage ?? DEFAULT_FETCHER_IMAGE,
    command: [
      "/bin/sh",
      "-c",
      `until ${check} ${shellQuote(url)}; do echo "maat: waiting for ${url}"; sleep 2; done`,
    ],
  };
}

function serverSelector(options: RenderOptions): Record<string, string> {
  return { [RUN_ID_LABEL]: labelValue(options.runId), [COMPONENT_LABEL]: "server" };
}

function renderService(
  name: string,
  server: ServerDefinition,
  descriptor: Descriptor,
  options: RenderOptions,
): KubernetesObject & V1Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: objectMeta(name, descriptor, options, "server"),
    spec: {
      selector: serverSelector(options),
      ports: server.env.ports.map((port, i) => ({
        name: `port-${i + 1}`,
        port,
        targetPort: port,
        protocol: "TCP",
      })),
    },
  };
}

function renderServer(
  name: string,
  server: ServerDefinition,
  descriptor: Descriptor,
  options: RenderOptions,
): KubernetesObject & V1Deployment {
  const { env } = server;
  const probes: Partial<V1Container> = {
    ports: env.ports.map((port) => ({ containerPort: port, protocol: "TCP" })),
    ...(env.readinessProbe === undefined ? {} : { readinessProbe: httpProbe(env.readinessProbe) }),
    ...(env.livenessProbe === undefined ? {} : { livenessProbe: httpProbe(env.livenessProbe) }),
  };
  const podSpec = renderPodSpec(
    {
      containerName: "server",
      image: env.dockerImage,
      privileged: env.privileged,
      extendedShm: env.extendedShm,
      vars: env.vars,
      // A Service and the kubelet's probes reach the pod's IP, not its loopback.
      extraEnv: [{ name: "INFERENCE_SERVER_BIND_HOST", value: "0.0.0.0" }],
      command: env.startCommand,
      args: env.startCommandArgs,
      instanceType: server.hardware.instanceType,
      availabilityZone: descriptor.hardware.availabilityZone,
      data: planDataFetch(server.models, "model", options, server.env.vars),
      container: probes,
    },
    options,
  );
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: objectMeta(name, descriptor, options, "server"),
    spec: {
      replicas: 1,
      selector: { matchLabels: serverSelector(options) },
      template: { metadata: { labels: runLabels(descriptor, options, "server") }, spec: podSpec },
    },
  };
}

function httpProbe(probe: Probe): V1Probe {
  return {
    httpGet: { path: probe.path, port: probe.port, scheme: probe.scheme === "https" ? "HTTPS" : "HTTP" },
    initialDelaySeconds: probe.initialDelaySeconds,
    periodSeconds: probe.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds,
    successThreshold: probe.successThreshold,
    failureThreshold: probe.failureThreshold,
  };
}
