import { describe, expect, test } from "vitest";
import { acceleratorsFor } from "../../src/runners/kubernetes/instance-types.js";

describe("acceleratorsFor", () => {
  test.each([
    ["p3.2xlarge", 1],
    ["p3.8xlarge", 4],
    ["p3.16xlarge", 8],
    ["p4d.24xlarge", 8],
    ["p5.48xlarge", 8],
    ["g4dn.xlarge", 1],
    ["g4dn.12xlarge", 4],
    ["g4dn.metal", 8],
    ["g5.12xlarge", 4],
    ["g5.48xlarge", 8],
    ["g6e.xlarge", 1],
  ])("%s has %i NVIDIA GPUs", (instanceType, count) => {
    expect(acceleratorsFor(instanceType)).toEqual({ resource: "nvidia.com/gpu", count });
  });

  test.each([
    ["trn1.2xlarge", 1],
    ["trn1.32xlarge", 16],
    ["inf2.xlarge", 1],
    ["inf2.48xlarge", 12],
  ])("%s counts %i Neuron devices", (instanceType, count) => {
    expect(acceleratorsFor(instanceType)).toEqual({ resource: "aws.amazon.com/neuron", count });
  });

  test("CPU instance types get no accelerator", () => {
    expect(acceleratorsFor("t3.medium")).toBeUndefined();
    expect(acceleratorsFor("c5.4xlarge")).toBeUndefined();
  });

  test("gpus_per_instance wins over the table and covers unknown types", () => {
    expect(acceleratorsFor("p3.8xlarge", 2)).toEqual({ resource: "nvidia.com/gpu", count: 2 });
    expect(acceleratorsFor("x9.custom", 3)).toEqual({ resource: "nvidia.com/gpu", count: 3 });
    expect(acceleratorsFor("p3.8xlarge", 0)).toBeUndefined();
  });
});
