import type { V1Job, V1PodSpec } from "@kubernetes/client-node";
import type { Descriptor } from "../../../descriptor/types.js";
import { objectMeta, runLabels } from "./metadata.js";
import { runLimits } from "./run-policy.js";
import type { KubernetesObject, RenderOptions } from "./types.js";

/** A `batch/v1` Job running `podSpec` once: no retries, a deadline, kept for its logs a while. */
export function renderJob(
  name: string,
  podSpec: V1PodSpec,
  descriptor: Descriptor,
  options: RenderOptions,
  component: string,
): KubernetesObject & V1Job {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: objectMeta(name, descriptor, options, component),
    spec: {
      ...runLimits(descriptor, options),
      template: {
        metadata: { labels: runLabels(descriptor, options, component) },
        spec: { ...podSpec, restartPolicy: "Never" },
      },
    },
  };
}
