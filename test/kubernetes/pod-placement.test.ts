import { describe, expect, test } from "vitest";
import { type RenderOptions, renderManifests } from "../../src/runners/kubernetes/render/index.js";
import { makeDescriptor } from "./descriptor-factory.js";
import { mainContainer, podSpecsOf } from "./helpers.js";

const OPTIONS: RenderOptions = { runId: "run-12345678" };

function podOf(...args: Parameters<typeof makeDescriptor>) {
  const [job] = renderManifests(makeDescriptor(...args), OPTIONS);
  return { pod: podSpecsOf(job!)[0]!, container: mainContainer(job!) };
}

describe("pod placement and resources", () => {
  test("the instance type and zone select the node; the user's selector is added", () => {
    const descriptor = makeDescriptor({
      hardware: { instanceType: "g5.xlarge", availabilityZone: "us-west-2a" },
    });
    const [job] = renderManifests(descriptor, {
      ...OPTIONS,
      nodeSelector: { "eks.amazonaws.com/nodegroup": "gpu" },
    });
    expect(podSpecsOf(job!)[0]?.nodeSelector).toEqual({
      "node.kubernetes.io/instance-type": "g5.xlarge",
      "topology.kubernetes.io/zone": "us-west-2a",
      "eks.amazonaws.com/nodegroup": "gpu",
    });
  });

  test("GPU instance types get their GPU count as a limit and tolerate the GPU taint", () => {
    const { pod, container } = podOf({ hardware: { instanceType: "p3.16xlarge" } });
    expect(container.resources).toEqual({ limits: { "nvidia.com/gpu": "8" } });
    expect(pod.tolerations).toEqual([{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }]);
  });

  test("gpus_per_instance gives the limit for instance types the table does not know", () => {
    const { container } = podOf({ hardware: { instanceType: "x42.metal", gpusPerInstance: 2 } });
    expect(container.resources).toEqual({ limits: { "nvidia.com/gpu": "2" } });
  });

  test("Trainium instances ask for Neuron devices", () => {
    const { pod, container } = podOf({ hardware: { instanceType: "trn1.32xlarge" } });
    expect(container.resources).toEqual({ limits: { "aws.amazon.com/neuron": "16" } });
    expect(pod.tolerations?.[0]?.key).toBe("aws.amazon.com/neuron");
  });

  test("CPU instance types get no limits and no tolerations", () => {
    const { pod, container } = podOf({ hardware: { instanceType: "t3.medium" } });
    expect(container.resources).toBeUndefined();
    expect(pod.tolerations).toBeUndefined();
  });

  test("the user's tolerations come first and replace the automatic one for the same key", () => {
    const custom = { key: "nvidia.com/gpu", operator: "Equal", value: "true", effect: "NoSchedule" };
    const other = { key: "dedicated", operator: "Equal", value: "bench", effect: "NoSchedule" };
    const [job] = renderManifests(makeDescriptor(), { ...OPTIONS, tolerations: [custom, other] });
    expect(podSpecsOf(job!)[0]?.tolerations).toEqual([custom, other]);
  });

  test("extended_shm mounts a memory-backed emptyDir at /dev/shm", () => {
    const { pod, container } = podOf({ env: { extendedShm: true } });
    expect(pod.volumes).toContainEqual({ name: "dshm", emptyDir: { medium: "Memory" } });
    expect(container.volumeMounts).toContainEqual({ name: "dshm", mountPath: "/dev/shm" });
    expect(podOf({ env: { extendedShm: false } }).pod.volumes).toBeUndefined();
  });

  test("privileged sets the container's security context", () => {
    expect(podOf({ env: { privileged: true } }).container.securityContext).toEqual({ privileged: true });
    expect(podOf({ env: { privileged: false } }).container.securityContext).toBeUndefined();
  });

  test("env vars reach the container in order", () => {
    const { container } = podOf({ env: { vars: { B: "2", A: "1" } } });
    expect(container.env).toEqual([
      { name: "B", value: "2" },
      { name: "A", value: "1" },
    ]);
  });

  test("image pull secrets are referenced by name", () => {
    const [job] = renderManifests(makeDescriptor(), { ...OPTIONS, imagePullSecrets: ["registry"] });
    expect(podSpecsOf(job!)[0]?.imagePullSecrets).toEqual([{ name: "registry" }]);
  });
});
