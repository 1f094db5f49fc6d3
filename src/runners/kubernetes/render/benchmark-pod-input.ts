import type { Descriptor } from "../../../descriptor/types.js";
import { planDataFetch } from "./data-fetch.js";
import type { PodInput } from "./pod.js";
import type { RenderOptions } from "./types.js";

/** The pod input of the container that runs `ml.benchmark_code`: image, env, hardware and data. */
export function benchmarkPodInput(descriptor: Descriptor, options: RenderOptions): PodInput {
  return {
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
    data: planDataFetch(descriptor.data.sources, "data", options, descriptor.env.vars),
  };
}
