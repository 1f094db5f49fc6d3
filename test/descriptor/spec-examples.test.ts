import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseDescriptor } from "../../src/descriptor/index.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/descriptors/${name}`, import.meta.url), "utf8");

describe("the two examples of the Anubis descriptor specification", () => {
  test("the training example validates without errors and keeps its fields", () => {
    const result = parseDescriptor(fixture("anubis-training.toml"), {
      file: "benchmarks/examples/training.toml",
    });
    expect(result.problems).toEqual([]);
    const d = result.descriptor!;
    expect(d.id).toBe("examples-training");
    expect(d.info).toEqual({
      taskName: "Example benchmark",
      description: "Full job description.",
      scheduling: "single_run",
      labels: { "custom-label": "value", "other-label": "other-value" },
    });
    expect(d.hardware).toEqual({
      instanceType: "p3.8xlarge",
      strategy: "horovod",
      distributed: { numInstances: 3 },
    });
    expect(d.env).toEqual({ dockerImage: "user/repo:tag", privileged: false, extendedShm: true, vars: {} });
    expect(d.data.sources).toEqual([
      {
        src: "s3://bucket/imagenet/train",
        path: "/data/tf-imagenet/train",
        md5: "5df9f63916ebf8528697b629022993e8",
      },
      { src: "s3://bucket/imagenet/validation", path: "/data/tf-imagenet/val" },
    ]);
    expect(d.output.metrics).toEqual([
      {
        name: "accuracy",
        units: "ratio",
        pattern: "accuracy=([-+]?\\d*\\.\\d+|\\d+)",
        direction: "higher_is_better",
        directionInferred: true,
        aggregate: "last",
        thresholds: {},
      },
    ]);
  });

  test("the inference example validates and its probe URLs become probes on their ports", () => {
    const result = parseDescriptor(fixture("anubis-inference.toml"), {
      file: "benchmarks/examples/inference.toml",
    });
    expect(result.problems).toEqual([]);
    const d = result.descriptor!;
    expect(d.info.scheduling).toBe("*/1 * * * *");
    expect(d.hardware.strategy).toBe("inference");
    const server = d.server!;
    expect(server.env.ports).toEqual([8080, 8081]);
    expect(server.env.livenessProbe).toEqual({
      path: "/iamhere",
      scheme: "http",
      port: 8080,
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(server.env.readinessProbe?.port).toBe(8081);
    expect(server.env.readinessProbe?.path).toBe("/iamok");
    expect(server.models).toEqual([{ src: "uri://path/to/model1", path: "/models/model1" }]);
    expect(server.env.vars).toEqual({ VAR1: "value1", VAR2: "value2" });
  });
});

describe("real Anubis descriptors from awslabs/benchmark-ai", () => {
  test("the horovod sample validates, naming its task from the task_name label", () => {
    const result = parseDescriptor(fixture("anubis-sample-horovod.toml"), {
      file: "benchmarks/horovod.toml",
    });
    expect(result.problems).toEqual([]);
    expect(result.descriptor?.info.taskName).toBe("horovod_benchmark_example");
    expect(result.descriptor?.hardware).toMatchObject({
      awsZoneId: "use1-az2",
      distributed: { numInstances: 2 },
    });
    expect(result.descriptor?.env.privileged).toBe(true);
  });

  test("the SageMaker sample validates and keeps its custom_params", () => {
    const result = parseDescriptor(fixture("anubis-sagemaker-custom-params.toml"), {
      file: "benchmarks/sm.toml",
    });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    const d = result.descriptor!;
    expect(d.info.executionEngine).toBe("aws.sagemaker");
    expect(d.ml).toMatchObject({ framework: "tensorflow", frameworkVersion: "1.15.3" });
    expect(d.customParams.hyper_params).toEqual({ amp: "true", validation_frequency: 10 });
    expect(d.output.metrics[0]).toMatchObject({ name: "throughput", direction: "higher_is_better" });
  });
});
