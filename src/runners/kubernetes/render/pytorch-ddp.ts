import type { V1PodSpec } from "@kubernetes/client-node";
import type { Descriptor } from "../../../descriptor/types.js";
import { acceleratorsFor } from "../instance-types.js";
import { planDataFetch } from "./data-fetch.js";
import { objectMeta, runLabels } from "./metadata.js";
import { renderPodSpec } from "./pod.js";
import { runLimits } from "./run-policy.js";
import type { KubernetesObject, RenderOptions } from "./types.js";

/**
 * `pytorch_ddp` (Maat extension): a Kubeflow PyTorchJob (training-operator, kubeflow.org/v1),
 * one Master and `num_instances - 1` Workers, each a whole instance running the user's command
 * (typically `torchrun ...`). The operator sets MASTER_ADDR, WORLD_SIZE and RANK; processes per
 * node reach torchrun as PET_NPROC_PER_NODE (torchrun reads its options from PET_* variables).
 */
export function renderPytorchDdp(
  name: string,
  descriptor: Descriptor,
  options: RenderOptions,
): KubernetesObject[] {
  const { hardware, env, ml } = descriptor;
  const instances = hardware.distributed?.numInstances ?? 1;
  const gpus = acceleratorsFor(hardware.instanceType, hardware.gpusPerInstance)?.count;
  const nproc = hardware.distributed?.processesPerInstance ?? gpus ?? 1;
  const podSpec = renderPodSpec(
    {
      // The training operator finds the training container by this exact name.
      containerName: "pytorch",
      image: env.dockerImage,
      privileged: env.privileged,
      extendedShm: env.extendedShm,
      vars: env.vars,
      extraEnv: [{ name: "PET_NPROC_PER_NODE", value: String(nproc) }],
      command: ml.benchmarkCode,
      args: ml.args,
      instanceType: hardware.instanceType,
      gpusPerInstance: hardware.gpusPerInstance,
      availabilityZone: hardware.availabilityZone,
      data: planDataFetch(descriptor.data.sources, "data", options, descriptor.env.vars),
    },
    options,
  );
  const replica = (component: string, replicas: number, spec: V1PodSpec) => ({
    replicas,
    restartPolicy: "Never",
    template: { metadata: { labels: runLabels(descriptor, options, component) }, spec },
  });
  return [
    {
      apiVersion: "kubeflow.org/v1",
      kind: "PyTorchJob",
      metadata: objectMeta(name, descriptor, options, "benchmark"),
      spec: {
        // Finished pods hold the logs the metrics come from; the TTL removes them later.
        runPolicy: { ...runLimits(descriptor, options), cleanPodPolicy: "None" },
        pytorchReplicaSpecs: {
          Master: replica("master", 1, podSpec),
          ...(instances > 1 ? { Worker: replica("worker", instances - 1, podSpec) } : {}),
        },
      },
    },
  ];
}
