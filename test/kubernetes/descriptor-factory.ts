import type { Descriptor, Probe, ServerDefinition } from "../../src/descriptor/types.js";

type Overrides = {
  [K in keyof Descriptor]?: Descriptor[K] extends object ? Partial<Descriptor[K]> : Descriptor[K];
};

/** A valid normalized descriptor for rendering tests; each section can be partly overridden. */
export function makeDescriptor(overrides: Overrides = {}): Descriptor {
  const base: Descriptor = {
    id: "resnet50-train",
    path: "benchmarks/resnet50/train.toml",
    contentHash: "a".repeat(64),
    specVersion: "0.1.0",
    extensionVersion: "1",
    info: { taskName: "ResNet-50", description: "Trains ResNet-50", scheduling: "single_run", labels: {} },
    hardware: { instanceType: "p3.8xlarge", strategy: "single_node" },
    env: { dockerImage: "user/repo:tag", privileged: false, extendedShm: false, vars: {} },
    ml: { benchmarkCode: "python /root/train.py", args: "--epochs=1" },
    data: { sources: [] },
    customParams: {},
    output: { metrics: [] },
    run: { repetitions: 1, warmup: 0, maxRepetitions: 10, targetPrecision: 0.01, watch: [], thresholds: {} },
  };
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = (base as unknown as Record<string, unknown>)[key];
    merged[key] =
      typeof value === "object" && value !== null && !Array.isArray(value) && typeof current === "object"
        ? { ...current, ...value }
        : value;
  }
  return merged as unknown as Descriptor;
}

export function makeProbe(overrides: Partial<Probe> = {}): Probe {
  return {
    path: "/ready",
    scheme: "http",
    port: 8080,
    initialDelaySeconds: 10,
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
    ...overrides,
  };
}

export function makeServer(overrides: Partial<ServerDefinition["env"]> = {}): ServerDefinition {
  return {
    hardware: { instanceType: "g5.xlarge" },
    env: {
      dockerImage: "user/server:tag",
      privileged: false,
      extendedShm: false,
      ports: [8080, 8081],
      startCommand: "/opt/bin/server",
      startCommandArgs: "--model=mnist",
      vars: { VAR1: "value1" },
      readinessProbe: makeProbe({ port: 8081, path: "/iamok" }),
      livenessProbe: makeProbe({ path: "/iamhere" }),
      ...overrides,
    },
    models: [{ src: "s3://models/mnist", path: "/models/mnist" }],
    output: { metrics: [] },
  };
}
