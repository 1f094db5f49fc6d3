import type { Descriptor } from "../../src/descriptor/types.js";

/** A minimal normalized descriptor; `path` decides the id unless one is given. */
export function makeDescriptor(
  path: string,
  options: {
    id?: string;
    scheduling?: string;
    instanceType?: string;
    watch?: string[];
    backend?: "local" | "kubernetes";
  } = {},
): Descriptor {
  const id = options.id ?? path.replace(/\.toml$/, "").replaceAll("/", "-");
  return {
    id,
    path,
    contentHash: "0".repeat(64),
    specVersion: "0.1.0",
    extensionVersion: "1",
    info: { taskName: id, description: "", scheduling: options.scheduling ?? "single_run", labels: {} },
    hardware: { instanceType: options.instanceType ?? "p3.8xlarge", strategy: "single_node" },
    env: { dockerImage: "example/bench:1", privileged: false, extendedShm: true, vars: {} },
    ml: {},
    data: { sources: [] },
    customParams: {},
    output: { metrics: [] },
    run: {
      repetitions: 5,
      warmup: 1,
      maxRepetitions: 30,
      targetPrecision: 0.01,
      watch: options.watch ?? [],
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      thresholds: {},
    },
  };
}
