import type { V1Container, V1EnvVar, V1PodSpec, V1Toleration } from "@kubernetes/client-node";
import { acceleratorsFor } from "../instance-types.js";
import { planCodeFetch } from "./code-fetch.js";
import type { DataPlan } from "./data-fetch.js";
import { joinCommand, splitArgs } from "./shell.js";
import type { RenderOptions } from "./types.js";

export const INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";
export const ZONE_LABEL = "topology.kubernetes.io/zone";

/** One container's worth of a descriptor: the benchmark, an MPI launcher, the inference server. */
export interface PodInput {
  containerName: string;
  image: string;
  privileged: boolean;
  extendedShm: boolean;
  vars: Record<string, string>;
  /** Shell command line; absent: the image's entrypoint runs with `args` split into words. */
  command?: string;
  args?: string;
  /** Pins the pod to this instance type and asks for its accelerators; absent: any node. */
  instanceType?: string;
  gpusPerInstance?: number;
  availabilityZone?: string;
  data?: DataPlan;
  extraEnv?: V1EnvVar[];
  restartPolicy?: "Never" | "Always";
  /** Extra fields for the container (ports, probes). */
  container?: Partial<V1Container>;
  initContainers?: V1Container[];
}

/** A pod spec: the container, its data, node placement, accelerators, shared memory. */
export function renderPodSpec(input: PodInput, options: RenderOptions): V1PodSpec {
  const accelerators =
    input.instanceType === undefined ? undefined : acceleratorsFor(input.instanceType, input.gpusPerInstance);
  const data = input.data ?? { initContainers: [], volumes: [], mounts: [] };
  const code =
    options.code === undefined || options.codeTarget === undefined
      ? undefined
      : planCodeFetch(
          options.codeTarget.name,
          input.image,
          options.code,
          options.codeTarget.workingDir,
          options,
        );
  const volumes = [...(code?.volumes ?? []), ...data.volumes];
  const mounts = [...(code === undefined ? [] : [code.mount]), ...data.mounts];
  if (input.extendedShm) {
    // Docker's --shm-size equivalent: /dev/shm is 64 MiB in a pod unless backed by memory.
    volumes.push({ name: "dshm", emptyDir: { medium: "Memory" } });
    mounts.push({ name: "dshm", mountPath: "/dev/shm" });
  }
  const env = [
    ...Object.entries(input.vars).map(([name, value]) => ({ name, value })),
    ...(input.extraEnv ?? []),
  ];
  const container: V1Container = {
    name: input.containerName,
    image: input.image,
    ...commandFields(input.command, input.args),
    ...(code === undefined ? {} : { workingDir: code.workingDir }),
    ...input.container,
    ...(env.length === 0 ? {} : { env }),
    ...(accelerators === undefined
      ? {}
      : { resources: { limits: { [accelerators.resource]: String(accelerators.count) } } }),
    ...(input.privileged ? { securityContext: { privileged: true } } : {}),
    ...(mounts.length === 0 ? {} : { volumeMounts: mounts }),
  };

  const nodeSelector: Record<string, string> = {
    ...(input.instanceType === undefined ? {} : { [INSTANCE_TYPE_LABEL]: input.instanceType }),
    ...(input.availabilityZone === undefined ? {} : { [ZONE_LABEL]: input.availabilityZone }),
    ...options.nodeSelector,
  };
  const tolerations = mergeTolerations(
    options.tolerations ?? [],
    accelerators === undefined
      ? []
      : [{ key: accelerators.resource, operator: "Exists", effect: "NoSchedule" }],
  );
  const initContainers = [
    ...(code?.initContainers ?? []),
    ...data.initContainers,
    ...(input.initContainers ?? []),
  ];
  return {
    ...(input.restartPolicy === undefined ? {} : { restartPolicy: input.restartPolicy }),
    ...(initContainers.length === 0 ? {} : { initContainers }),
    containers: [container],
    ...(Object.keys(nodeSelector).length === 0 ? {} : { nodeSelector }),
    ...(tolerations.length === 0 ? {} : { tolerations }),
    ...(volumes.length === 0 ? {} : { volumes }),
    ...(options.imagePullSecrets === undefined || options.imagePullSecrets.length === 0
      ? {}
      : { imagePullSecrets: options.imagePullSecrets.map((name) => ({ name })) }),
  };
}

/** `command` through a shell (so `${VAR}` in args expands, as in the spec's example), else entrypoint + args. */
function commandFields(command: string | undefined, args: string | undefined): Partial<V1Container> {
  if (command !== undefined && command.trim() !== "") {
    return { command: ["/bin/sh", "-c", joinCommand(command, args)] };
  }
  const words = args === undefined ? [] : splitArgs(args);
  return words.length === 0 ? {} : { args: words };
}

/** The user's tolerations first; automatic ones only for taint keys the user did not mention. */
function mergeTolerations(user: V1Toleration[], automatic: V1Toleration[]): V1Toleration[] {
  const keys = new Set(user.map((t) => t.key));
  return [...user, ...automatic.filter((t) => !keys.has(t.key))];
}
