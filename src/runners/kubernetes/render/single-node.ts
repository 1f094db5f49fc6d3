import type { Descriptor } from "../../../descriptor/types.js";
import { planDataFetch } from "./data-fetch.js";
import { renderJob } from "./job.js";
import { renderPodSpec } from "./pod.js";
import type { KubernetesObject, RenderOptions } from "./types.js";

/** `single_node`: one Job whose pod runs the benchmark on one instance. */
export function renderSingleNode(
  name: string,
  descriptor: Descriptor,
  options: RenderOptions,
): KubernetesObject[] {
  const podSpec = renderPodSpec(
    {
      containerName: "benchmark",
      image: descriptor.env.dockerImage,
      privileged: descriptor.env.privileged,
      extendedShm: descriptor.env.extendedShm,
      vars: descriptor.env.vars,
      command: descriptor.ml.benchmarkCode,
      args: descriptor.ml.args,
      instanceType: descriptor.hardware.instanceType,
      gpusPerInstance: descriptor.hardware.gpusPerInstance,
      availabilityZone: descriptor.hardware.availabilityZone,
      data: planDataFetch(descriptor.data.sources, "data", options),
    },
    options,
  );
  return [renderJob(name, podSpec, descriptor, options, "benchmark")];
}
