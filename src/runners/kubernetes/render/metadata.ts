import type { V1ObjectMeta } from "@kubernetes/client-node";
import type { Descriptor } from "../../../descriptor/types.js";
import { labelValue } from "./names.js";
import type { RenderOptions } from "./types.js";

export const MANAGED_BY = "app.kubernetes.io/managed-by";
export const BENCHMARK_LABEL = "maat.dev/benchmark";
export const RUN_ID_LABEL = "maat.dev/run-id";
export const COMPONENT_LABEL = "maat.dev/component";
export const HASH_ANNOTATION = "maat.dev/descriptor-hash";
export const COMMIT_ANNOTATION = "maat.dev/commit";
export const PATH_ANNOTATION = "maat.dev/descriptor-path";

/** Labels tying an object (and its pods) to the run; Maat's own labels win over the descriptor's. */
export function runLabels(
  descriptor: Descriptor,
  options: RenderOptions,
  component?: string,
): Record<string, string> {
  return {
    ...descriptor.info.labels,
    [MANAGED_BY]: "maat",
    [BENCHMARK_LABEL]: labelValue(descriptor.id),
    [RUN_ID_LABEL]: labelValue(options.runId),
    ...(component === undefined ? {} : { [COMPONENT_LABEL]: component }),
  };
}

export function runAnnotations(descriptor: Descriptor, options: RenderOptions): Record<string, string> {
  return {
    [HASH_ANNOTATION]: descriptor.contentHash,
    [PATH_ANNOTATION]: descriptor.path,
    ...(options.commit === undefined ? {} : { [COMMIT_ANNOTATION]: options.commit }),
  };
}

/** Object metadata; no namespace field unless one is given, so `kubectl apply -n NS` works. */
export function objectMeta(
  name: string,
  descriptor: Descriptor,
  options: RenderOptions,
  component?: string,
): V1ObjectMeta & { name: string } {
  return {
    name,
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    labels: runLabels(descriptor, options, component),
    annotations: runAnnotations(descriptor, options),
  };
}
