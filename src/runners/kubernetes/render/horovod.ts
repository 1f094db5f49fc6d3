import type { V1PodTemplateSpec } from "@kubernetes/client-node";
import type { Descriptor } from "../../../descriptor/types.js";
import { acceleratorsFor } from "../instance-types.js";
import { planDataFetch } from "./data-fetch.js";
import { objectMeta, runLabels } from "./metadata.js";
import { renderPodSpec } from "./pod.js";
import { runLimits } from "./run-policy.js";
import type { KubernetesObject, RenderOptions } from "./types.js";

/**
 * `horovod`: a Kubeflow MPIJob (mpi-operator, kubeflow.org/v2beta1). The launcher runs the
 * user's command (their `mpirun`/`horovodrun` line) and needs no accelerator; each of the
 * `num_instances` workers takes a whole instance, its data and its GPUs. Workers must run
 * an SSH server (the mpi-operator images do), as mpi-operator v2 reaches them over SSH.
 */
export function renderHorovod(
  name: string,
  descriptor: Descriptor,
  options: RenderOptions,
): KubernetesObject[] {
  const { hardware, env, ml } = descriptor;
  const workers = hardware.distributed?.numInstances ?? 1;
  const gpus = acceleratorsFor(hardware.instanceType, hardware.gpusPerInstance)?.count;
  const slotsPerWorker = hardware.distributed?.processesPerInstance ?? gpus ?? 1;
  const common = {
    image: env.dockerImage,
    privileged: env.privileged,
    extendedShm: env.extendedShm,
    vars: env.vars,
  };

  const launcher = renderPodSpec(
    {
      ...common,
      containerName: "launcher",
      command: ml.benchmarkCode,
      args: ml.args,
      availabilityZone: hardware.availabilityZone,
    },
    options,
  );
  const worker = renderPodSpec(
    {
      ...common,
      containerName: "worker",
      instanceType: hardware.instanceType,
      gpusPerInstance: hardware.gpusPerInstance,
      availabilityZone: hardware.availabilityZone,
      data: planDataFetch(descriptor.data.sources, "data", options, descriptor.env.vars),
    },
    options,
  );
  const template = (component: string, spec: typeof launcher): V1PodTemplateSpec => ({
    metadata: { labels: runLabels(descriptor, options, component) },
    spec,
  });
  const limits = runLimits(descriptor, options);
  return [
    {
      apiVersion: "kubeflow.org/v2beta1",
      kind: "MPIJob",
      metadata: objectMeta(name, descriptor, options, "benchmark"),
      spec: {
        slotsPerWorker,
        runPolicy: {
          ...limits,
          // Workers only serve SSH: once the launcher is done, stop them so they free their GPUs.
          cleanPodPolicy: "Running",
        },
        mpiReplicaSpecs: {
          Launcher: { replicas: 1, restartPolicy: "Never", template: template("launcher", launcher) },
          Worker: { replicas: workers, restartPolicy: "Never", template: template("worker", worker) },
        },
      },
    },
  ];
}
