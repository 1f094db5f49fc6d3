import type { V1Container, V1PodSpec } from "@kubernetes/client-node";
import type { KubernetesObject } from "../../src/runners/kubernetes/render/index.js";

/** Every pod spec inside an object: a Job's or Deployment's template, each Kubeflow replica's. */
export function podSpecsOf(object: KubernetesObject): V1PodSpec[] {
  const spec = object.spec as Record<string, unknown>;
  const template = spec.template as { spec: V1PodSpec } | undefined;
  if (template !== undefined) return [template.spec];
  const replicas = (spec.mpiReplicaSpecs ?? spec.pytorchReplicaSpecs ?? {}) as Record<
    string,
    { template: { spec: V1PodSpec } }
  >;
  return Object.values(replicas).map((replica) => replica.template.spec);
}

export function mainContainer(object: KubernetesObject, index = 0): V1Container {
  const pod = podSpecsOf(object)[index];
  if (pod === undefined) throw new Error(`no pod spec ${index} in ${object.kind}`);
  return pod.containers[0] as V1Container;
}

export function replica(object: KubernetesObject, type: string) {
  const spec = object.spec as Record<string, Record<string, unknown>>;
  const replicas = (spec.mpiReplicaSpecs ?? spec.pytorchReplicaSpecs) as Record<
    string,
    { replicas: number; template: { spec: V1PodSpec } }
  >;
  const found = replicas[type];
  if (found === undefined) throw new Error(`no ${type} replica`);
  return found;
}
