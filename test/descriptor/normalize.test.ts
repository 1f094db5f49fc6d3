import { describe, expect, test } from "vitest";
import { descriptorOf, MINIMAL, warningsOf } from "./helpers.js";

const INFERENCE = `${MINIMAL.replace('"single_node"', '"client_server"')}[server.hardware]
instance_type = "p3.2xlarge"
[server.env]
docker_image = "user/server:1"
start_command = "serve"
ports = [9000, 9001]
`;

describe("normalizeDescriptor", () => {
  test("fills in the specification's defaults", () => {
    const d = descriptorOf(MINIMAL);
    expect(d.info.scheduling).toBe("single_run");
    expect(d.env).toEqual({ dockerImage: "user/repo:tag", privileged: false, extendedShm: true, vars: {} });
    expect(d.specVersion).toBe("0.1.0");
    expect(d.extensionVersion).toBe("1");
    expect(d.data).toEqual({ sources: [] });
    expect(d.customParams).toEqual({});
  });

  test("names the task after the id when neither info.task_name nor a task_name label is set", () => {
    expect(descriptorOf(MINIMAL).info.taskName).toBe("resnet");
    expect(descriptorOf(`${MINIMAL}[info.labels]\ntask_name = "from-label"\n`).info.taskName).toBe(
      "from-label",
    );
  });

  test("fills in Maat's run defaults", () => {
    expect(descriptorOf(MINIMAL).run).toEqual({
      repetitions: 1,
      warmup: 0,
      maxRepetitions: 30,
      targetPrecision: 0.01,
      watch: [],
      thresholds: {},
      defaulted: ["repetitions", "warmup", "timeout"],
    });
  });

  test("reads Maat's run settings, with the timeout in milliseconds", () => {
    const text = `${MINIMAL}[run]
repetitions = "auto"
warmup = 2
timeout = "1h30m"
max_repetitions = 12
target_precision = 0.02
watch = ["src/**", "benchmarks/resnet/**"]
backend = "kubernetes"
[run.thresholds]
sigma = 3
min_effect = 0.05
`;
    expect(descriptorOf(text).run).toEqual({
      repetitions: "auto",
      warmup: 2,
      timeoutMs: 5_400_000,
      maxRepetitions: 12,
      targetPrecision: 0.02,
      watch: ["src/**", "benchmarks/resnet/**"],
      backend: "kubernetes",
      thresholds: { sigma: 3, minEffect: 0.05 },
      defaulted: [],
    });
  });

  test("takes a timeout in whole seconds too", () => {
    expect(descriptorOf(`${MINIMAL}[run]\ntimeout = 90\n`).run.timeoutMs).toBe(90_000);
    expect(descriptorOf(`${MINIMAL}[run]\ntimeout = "500ms"\n`).run.timeoutMs).toBe(500);
  });

  test("resolves the aliases client_server and uri", () => {
    const text = `${INFERENCE}[[server.models]]\nuri = "s3://models/resnet"\npath = "/models/resnet"\n`;
    const d = descriptorOf(text);
    expect(d.hardware.strategy).toBe("inference");
    expect(d.server?.models).toEqual([{ src: "s3://models/resnet", path: "/models/resnet" }]);
  });

  test("gives a probe table the documented defaults and the first server port", () => {
    const d = descriptorOf(`${INFERENCE}[server.env.readiness_probe]\npath = "/ready"\n`);
    expect(d.server?.env.readinessProbe).toEqual({
      path: "/ready",
      scheme: "http",
      port: 9000,
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  test("accepts the specification's misspelling timout_seconds", () => {
    const text = `${INFERENCE}[server.env.liveliness_probe]\npath = "/alive"\nscheme = "https"\nport = 9001\ntimout_seconds = 4\n`;
    expect(descriptorOf(text).server?.env.livenessProbe).toMatchObject({
      scheme: "https",
      port: 9001,
      timeoutSeconds: 4,
    });
  });

  test("probes a URL without a port on the first server port", () => {
    const text = INFERENCE.replace(
      "ports = [9000, 9001]",
      'ports = [9000, 9001]\nreadiness_probe = "https://localhost/ready?deep=1"',
    );
    expect(descriptorOf(text).server?.env.readinessProbe).toMatchObject({
      scheme: "https",
      port: 9000,
      path: "/ready?deep=1",
    });
  });

  test("turns environment variables written as numbers into text", () => {
    expect(descriptorOf(`${MINIMAL}[env.vars]\nOMP_NUM_THREADS = 4\nDEBUG = true\n`).env.vars).toEqual({
      OMP_NUM_THREADS: "4",
      DEBUG: "true",
    });
  });

  test('keeps Anubis\' processes_per_instance as a number or "gpus"', () => {
    const with_ = (value: string) =>
      descriptorOf(`${MINIMAL}[hardware.distributed]\nprocesses_per_instance = ${value}\n`);
    expect(with_('"gpus"').hardware.distributed).toEqual({ numInstances: 1, processesPerInstance: "gpus" });
    expect(with_('"4"').hardware.distributed).toEqual({ numInstances: 1, processesPerInstance: 4 });
    expect(with_("2").hardware.distributed).toEqual({ numInstances: 1, processesPerInstance: 2 });
  });

  test("keeps a written metric direction, aggregate and thresholds", () => {
    const text = `${MINIMAL}[[output.metrics]]
name = "score"
units = "points"
direction = "higher_is_better"
aggregate = "median"
sigma = 2.5
min_effect = 0.01
`;
    expect(descriptorOf(text).output.metrics[0]).toEqual({
      name: "score",
      units: "points",
      direction: "higher_is_better",
      directionInferred: false,
      aggregate: "median",
      thresholds: { sigma: 2.5, minEffect: 0.01 },
    });
  });

  test("warns, without failing, when a metric's direction cannot be inferred", () => {
    const text = `${MINIMAL}[[output.metrics]]\nname = "epoch"\nunits = "index"\n`;
    expect(descriptorOf(text).output.metrics[0]?.direction).toBe("unknown");
    expect(warningsOf(text)).toEqual([
      'benchmarks/resnet/descriptor.toml:10:8: warning: output.metrics[0].name: cannot tell whether higher or lower is better for metric "epoch" (units "index"); changes will be compared in both directions\n  hint: set direction = "higher_is_better" or direction = "lower_is_better" in this [[output.metrics]] entry',
    ]);
  });

  test("warns that a server is ignored by a strategy other than inference", () => {
    const text = INFERENCE.replace('"client_server"', '"single_node"');
    expect(warningsOf(text)).toEqual([
      'benchmarks/resnet/descriptor.toml:9:1: warning: server: is only used when hardware.strategy is "inference" (it is "single_node"), so it is ignored',
    ]);
  });

  test("makes custom_params plain JSON", () => {
    const text = `${MINIMAL}[custom_params]\nwhen = 1979-05-27T07:32:00Z\nbig = 9007199254740993\n[custom_params.hyper]\namp = true\n`;
    expect(descriptorOf(text).customParams).toEqual({
      when: "1979-05-27T07:32:00.000Z",
      big: "9007199254740993",
      hyper: { amp: true },
    });
  });
});
