import type { Descriptor } from "../../../descriptor/types.js";
import { benchmarkPodInput } from "./benchmark-pod-input.js";
import { renderJob } from "./job.js";
import { renderPodSpec } from "./pod.js";
import type { KubernetesObject, RenderOptions } from "./types.js";

/** `single_node`: one Job whose pod runs the benchmark on one instance. */
export function renderSingleNode(
  name: string,
  descriptor: Descriptor,
  options: RenderOptions,
): KubernetesObject[] {
  const podSpec = renderPodSpec(benchmarkPodInput(descriptor, options), options);
  return [renderJob(name, podSpec, descriptor, options, "benchmark")];
}
