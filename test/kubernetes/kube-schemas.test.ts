import { describe, expect, test } from "vitest";
import { validateKubernetesObject } from "../support/kube-schemas.js";

const job = (spec: Record<string, unknown>) => ({
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: { name: "a" },
  spec,
});
const container = { name: "c", image: "i" };

describe("validateKubernetesObject", () => {
  test("accepts a minimal Job", () => {
    expect(validateKubernetesObject(job({ template: { spec: { containers: [container] } } }))).toEqual([]);
  });

  test("names the path of an unknown field, as strict validation does", () => {
    const problems = validateKubernetesObject(
      job({ template: { spec: { containers: [{ ...container, colour: "red" }] } } }),
    );
    expect(problems).toEqual([
      "/spec/template/spec/containers/0: must NOT have additional properties (colour)",
    ]);
  });

  test("reports a missing required field and a wrong type", () => {
    expect(validateKubernetesObject(job({ template: { spec: {} } }))).toContain(
      "/spec/template/spec: must have required property 'containers'",
    );
    expect(
      validateKubernetesObject(job({ backoffLimit: "0", template: { spec: { containers: [container] } } })),
    ).toContain("/spec/backoffLimit: must be integer");
  });

  test("enforces the MPIJob CRD's own limits and checks the replica pod templates", () => {
    const problems = validateKubernetesObject({
      apiVersion: "kubeflow.org/v2beta1",
      kind: "MPIJob",
      metadata: { name: "a" },
      spec: {
        slotsPerWorker: 0,
        mpiReplicaSpecs: { Launcher: { replicas: 2, template: { spec: { containers: [{ image: "i" }] } } } },
      },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "/spec/slotsPerWorker: must be >= 1",
        "/spec/mpiReplicaSpecs/Launcher/replicas: must be <= 1",
        "/spec/mpiReplicaSpecs/Launcher/template/spec/containers/0: must have required property 'name'",
      ]),
    );
  });

  test("requires a PyTorchJob's runPolicy", () => {
    const problems = validateKubernetesObject({
      apiVersion: "kubeflow.org/v1",
      kind: "PyTorchJob",
      metadata: { name: "a" },
      spec: { pytorchReplicaSpecs: { Master: { template: { spec: { containers: [container] } } } } },
    });
    expect(problems).toEqual(["/spec: must have required property 'runPolicy'"]);
  });

  test("says when it has no schema for a kind", () => {
    expect(validateKubernetesObject({ apiVersion: "example.com/v1", kind: "Widget" })).toEqual([
      '/: no schema for apiVersion "example.com/v1" kind "Widget"',
    ]);
    expect(validateKubernetesObject("nope")).toEqual(["/: must be an object"]);
  });
});
