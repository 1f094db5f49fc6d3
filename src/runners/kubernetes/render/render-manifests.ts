import { posix } from "node:path";
import type { Descriptor } from "../../../descriptor/types.js";
import { WORKSPACE_PATH } from "../../code-placement.js";
import { codeConfigMap } from "./code-fetch.js";
import { renderHorovod } from "./horovod.js";
import { renderInference } from "./inference.js";
import { baseName } from "./names.js";
import { renderPytorchDdp } from "./pytorch-ddp.js";
import { KubernetesRenderError } from "./render-error.js";
import { renderSingleNode } from "./single-node.js";
import type { KubernetesObject, RenderOptions } from "./types.js";

/**
 * The Kubernetes objects that run one benchmark run, in creation order; the first is the
 * top object the others belong to (see `withOwner`). Pure: nothing touches a cluster.
 *
 * Example: `renderManifests(descriptor, { runId: "20250101-3f9a1c2e", namespace: "bench" })`.
 */
export function renderManifests(descriptor: Descriptor, options: RenderOptions): KubernetesObject[] {
  const name = baseName(descriptor.id, options.runId);
  const code = options.code;
  if (code === undefined) return renderStrategy(name, descriptor, options);
  const workingDir = posix.join(WORKSPACE_PATH, posix.dirname(descriptor.path));
  const objects = renderStrategy(name, descriptor, { ...options, codeTarget: { name, workingDir } });
  // The ConfigMap comes after the top object, which owns it (see createWorkload).
  return code.kind === "configmap" ? [...objects, codeConfigMap(name, descriptor, options, code)] : objects;
}

function renderStrategy(name: string, descriptor: Descriptor, options: RenderOptions): KubernetesObject[] {
  switch (descriptor.hardware.strategy) {
    case "single_node":
      return renderSingleNode(name, descriptor, options);
    case "horovod":
      return renderHorovod(name, descriptor, options);
    case "pytorch_ddp":
      return renderPytorchDdp(name, descriptor, options);
    case "inference":
      return renderInference(name, descriptor, options);
    case "mxnet_parameter_server":
      throw new KubernetesRenderError(
        `Benchmark "${descriptor.id}" uses strategy "mxnet_parameter_server", which Maat cannot run on Kubernetes: ` +
          "it would need an MXJob operator, and Kubeflow's was retired (training-operator v1.8 removed MXJob).",
        {
          hint: 'Use strategy = "horovod" (MPI operator) or "pytorch_ddp" (training operator), or run it with the local backend.',
        },
      );
  }
}
