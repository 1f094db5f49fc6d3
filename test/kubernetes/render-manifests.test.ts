import { describe, expect, test } from "vitest";
import type { Strategy } from "../../src/descriptor/types.js";
import {
  KubernetesRenderError,
  type RenderOptions,
  renderManifests,
} from "../../src/runners/kubernetes/render/index.js";
import { validateKubernetesObject } from "../support/kube-schemas.js";
import { makeDescriptor, makeServer } from "./descriptor-factory.js";
import { mainContainer, podSpecsOf, replica } from "./helpers.js";

const OPTIONS: RenderOptions = { runId: "20250101-3f9a1c2e" };
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

function descriptorFor(strategy: Strategy) {
  return makeDescriptor({
    hardware: { strategy, instanceType: "p3.8xlarge", distributed: { numInstances: 3 } },
    env: { extendedShm: true, vars: { BATCH: "32" } },
    data: {
      sources: [{ src: "s3://bucket/train", path: "/data/train", md5: "5df9f63916ebf8528697b629022993e8" }],
    },
    ...(strategy === "inference" ? { server: makeServer() } : {}),
    run: { timeoutMs: 90_500 },
  });
}

const STRATEGIES: Strategy[] = ["single_node", "horovod", "pytorch_ddp", "inference"];

describe("renderManifests", () => {
  test.each(STRATEGIES)("every object for %s validates against the official schemas", (strategy) => {
    for (const options of [
      OPTIONS,
      { ...OPTIONS, namespace: "bench", datasetCachePvc: "datasets", commit: "abc" },
    ]) {
      for (const object of renderManifests(descriptorFor(strategy), options)) {
        expect(validateKubernetesObject(object), `${object.kind} ${object.metadata.name}`).toEqual([]);
      }
    }
  });

  test.each([
    ["single_node", ["batch/v1 Job"]],
    ["horovod", ["kubeflow.org/v2beta1 MPIJob"]],
    ["pytorch_ddp", ["kubeflow.org/v1 PyTorchJob"]],
    ["inference", ["batch/v1 Job", "v1 Service", "apps/v1 Deployment"]],
  ] as const)("%s renders %j", (strategy, kinds) => {
    const objects = renderManifests(descriptorFor(strategy), OPTIONS);
    expect(objects.map((o) => `${o.apiVersion} ${o.kind}`)).toEqual(kinds);
  });

  test.each(STRATEGIES)("%s names are DNS-safe and carry the run's labels and annotations", (strategy) => {
    const descriptor = makeDescriptor({
      ...descriptorFor(strategy),
      id: "Very_Long.Benchmark/Name-that-goes-on-and-on-and-on-and-on-forever",
      info: { labels: { team: "vision" } },
    });
    for (const object of renderManifests(descriptor, { ...OPTIONS, commit: "0123abc" })) {
      expect(object.metadata.name).toMatch(DNS_1035);
      expect(object.metadata.name.length).toBeLessThanOrEqual(63);
      expect(object.metadata.name).toContain("3f9a1c2e");
      expect(object.metadata.labels).toMatchObject({
        "app.kubernetes.io/managed-by": "maat",
        "maat.dev/run-id": "20250101-3f9a1c2e",
        team: "vision",
      });
      expect(object.metadata.labels?.["maat.dev/benchmark"]).toMatch(
        /^[A-Za-z0-9]([-_.A-Za-z0-9]{0,61}[A-Za-z0-9])?$/,
      );
      expect(object.metadata.annotations).toEqual({
        "maat.dev/descriptor-hash": "a".repeat(64),
        "maat.dev/descriptor-path": "benchmarks/resnet50/train.toml",
        "maat.dev/commit": "0123abc",
      });
      for (const pod of podSpecsOf(object)) expect(pod.containers.length).toBe(1);
      expect(validateKubernetesObject(object)).toEqual([]);
    }
  });

  test("objects carry no namespace unless one is given", () => {
    for (const strategy of STRATEGIES) {
      expect(
        renderManifests(descriptorFor(strategy), OPTIONS).map((o) => o.metadata.namespace),
      ).not.toContain("bench");
      expect(
        renderManifests(descriptorFor(strategy), OPTIONS).every((o) => !("namespace" in o.metadata)),
      ).toBe(true);
      const namespaced = renderManifests(descriptorFor(strategy), { ...OPTIONS, namespace: "bench" });
      expect(namespaced.every((o) => o.metadata.namespace === "bench")).toBe(true);
    }
  });

  test("the same descriptor and options render the same objects", () => {
    const a = renderManifests(descriptorFor("inference"), OPTIONS);
    expect(renderManifests(descriptorFor("inference"), OPTIONS)).toEqual(a);
  });

  test("mxnet_parameter_server is refused with what the cluster would need and what to use instead", () => {
    const descriptor = descriptorFor("mxnet_parameter_server");
    expect(() => renderManifests(descriptor, OPTIONS)).toThrow(KubernetesRenderError);
    try {
      renderManifests(descriptor, OPTIONS);
    } catch (error) {
      const e = error as KubernetesRenderError;
      expect(e.message).toMatch(/MXJob operator/);
      expect(e.message).toMatch(/retired/);
      expect(e.hint).toMatch(/horovod/);
      expect(e.hint).toMatch(/pytorch_ddp/);
      expect(e.exitCode).toBe(2);
    }
  });
});

describe("single_node", () => {
  test("runs benchmark_code plus args through a shell, once, with a deadline and a TTL", () => {
    const [job] = renderManifests(descriptorFor("single_node"), OPTIONS);
    expect(job?.spec).toMatchObject({
      backoffLimit: 0,
      activeDeadlineSeconds: 91,
      ttlSecondsAfterFinished: 3600,
    });
    expect(podSpecsOf(job!)[0]?.restartPolicy).toBe("Never");
    expect(mainContainer(job!).command).toEqual(["/bin/sh", "-c", "python /root/train.py --epochs=1"]);
    expect(mainContainer(job!).args).toBeUndefined();
  });

  test("without benchmark_code the image's entrypoint gets the args as words", () => {
    const descriptor = makeDescriptor({
      ml: { benchmarkCode: undefined, args: `--model=resnet "--name=a b"` },
    });
    const [job] = renderManifests(descriptor, { ...OPTIONS, backoffLimit: 2, ttlSecondsAfterFinished: 60 });
    expect(mainContainer(job!).command).toBeUndefined();
    expect(mainContainer(job!).args).toEqual(["--model=resnet", "--name=a b"]);
    expect(job?.spec).toMatchObject({ backoffLimit: 2, ttlSecondsAfterFinished: 60 });
    expect(job?.spec).not.toHaveProperty("activeDeadlineSeconds");
  });
});

describe("horovod", () => {
  test("one launcher running the user's command and one worker per instance, a slot per GPU", () => {
    const [mpiJob] = renderManifests(descriptorFor("horovod"), OPTIONS);
    const spec = mpiJob?.spec as Record<string, unknown>;
    expect(spec.slotsPerWorker).toBe(4);
    expect(spec.runPolicy).toEqual({
      backoffLimit: 0,
      activeDeadlineSeconds: 91,
      ttlSecondsAfterFinished: 3600,
      cleanPodPolicy: "Running",
    });
    const launcher = replica(mpiJob!, "Launcher");
    const worker = replica(mpiJob!, "Worker");
    expect(launcher.replicas).toBe(1);
    expect(worker.replicas).toBe(3);
    expect(launcher.template.spec.containers[0]?.command).toEqual([
      "/bin/sh",
      "-c",
      "python /root/train.py --epochs=1",
    ]);
    expect(launcher.template.spec.containers[0]?.resources).toBeUndefined();
    expect(worker.template.spec.containers[0]?.resources).toEqual({ limits: { "nvidia.com/gpu": "4" } });
    expect(worker.template.spec.initContainers?.map((c) => c.name)).toEqual(["fetch-data"]);
  });

  test("processes_per_instance sets the slots per worker", () => {
    const descriptor = makeDescriptor({
      hardware: { strategy: "horovod", distributed: { numInstances: 2, processesPerInstance: 2 } },
    });
    const [mpiJob] = renderManifests(descriptor, OPTIONS);
    expect((mpiJob!.spec as { slotsPerWorker: number }).slotsPerWorker).toBe(2);
  });
});

describe("pytorch_ddp", () => {
  test("a master and num_instances - 1 workers, in containers named pytorch, told the processes per node", () => {
    const [job] = renderManifests(descriptorFor("pytorch_ddp"), OPTIONS);
    expect(replica(job!, "Master").replicas).toBe(1);
    expect(replica(job!, "Worker").replicas).toBe(2);
    const container = replica(job!, "Master").template.spec.containers[0];
    expect(container?.name).toBe("pytorch");
    expect(container?.env).toContainEqual({ name: "PET_NPROC_PER_NODE", value: "4" });
    expect((job!.spec as { runPolicy: unknown }).runPolicy).toMatchObject({
      cleanPodPolicy: "None",
      backoffLimit: 0,
    });
  });

  test("a single instance has no Worker replica", () => {
    const descriptor = makeDescriptor({
      hardware: { strategy: "pytorch_ddp", distributed: { numInstances: 1 } },
    });
    const [job] = renderManifests(descriptor, OPTIONS);
    expect(Object.keys((job!.spec as { pytorchReplicaSpecs: object }).pytorchReplicaSpecs)).toEqual([
      "Master",
    ]);
    expect(validateKubernetesObject(job)).toEqual([]);
  });
});
