import type { V1ConfigMap } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import type { Strategy } from "../../src/descriptor/types.js";
import { fileName } from "../../src/runners/kubernetes/render/data-fetch.js";
import {
  type CodeDelivery,
  KubernetesRenderError,
  renderManifests,
  renderNotes,
} from "../../src/runners/kubernetes/render/index.js";
import { validateKubernetesObject } from "../support/kube-schemas.js";
import { makeDescriptor, makeServer } from "./descriptor-factory.js";
import { mainContainer, podSpecsOf } from "./helpers.js";

const bundle = Buffer.from("not really a tarball");
const inConfigMap: CodeDelivery = {
  kind: "configmap",
  commit: "c0ffee".padEnd(40, "0"),
  sha256: "ab".repeat(32),
  size: bundle.length,
  data: bundle,
};
const inS3: CodeDelivery = {
  kind: "s3",
  commit: inConfigMap.commit,
  sha256: inConfigMap.sha256,
  size: 2_000_000,
  url: "s3://bench/ci/maat-code/abab.tar.gz",
};

describe("the code under test on Kubernetes", () => {
  it("travels in a ConfigMap owned by the run, checked and unpacked at /workspace before the benchmark starts in its folder", () => {
    const objects = renderManifests(makeDescriptor(), { runId: "run-1234abcd", code: inConfigMap });
    expect(objects.map((o) => o.kind)).toEqual(["Job", "ConfigMap"]);
    for (const object of objects) expect(validateKubernetesObject(object)).toEqual([]);
    const configMap = objects[1] as V1ConfigMap & { metadata: { name: string } };
    expect(configMap.metadata.name).toBe(`${objects[0]?.metadata.name}-code`);
    expect(configMap.binaryData?.["code.tar.gz"]).toBe(bundle.toString("base64"));
    expect(configMap.metadata.annotations?.["maat.dev/code-sha256"]).toBe(inConfigMap.sha256);

    const [pod] = podSpecsOf(objects[0] as (typeof objects)[0]);
    const unpack = pod?.initContainers?.[0];
    expect(unpack?.name).toBe("unpack-code");
    expect(unpack?.image).toBe("user/repo:tag");
    expect(unpack?.command?.[2]).toContain(`echo "${inConfigMap.sha256}  code.tar.gz" | sha256sum -c -`);
    expect(unpack?.command?.[2]).toContain("tar -xzf code.tar.gz -C /workspace");
    expect(pod?.volumes).toContainEqual({
      name: "code-bundle",
      configMap: { name: configMap.metadata.name, items: [{ key: "code.tar.gz", path: "code.tar.gz" }] },
    });
    const container = mainContainer(objects[0] as (typeof objects)[0]);
    expect(container.workingDir).toBe("/workspace/benchmarks/resnet50");
    expect(container.volumeMounts).toContainEqual({ name: "code", mountPath: "/workspace", readOnly: true });
  });

  it("comes from S3 through the fetcher image when it is too large for a ConfigMap", () => {
    const objects = renderManifests(makeDescriptor(), { runId: "run-1234abcd", code: inS3 });
    expect(objects.map((o) => o.kind)).toEqual(["Job"]);
    const [pod] = podSpecsOf(objects[0] as (typeof objects)[0]);
    expect(pod?.initContainers?.map((c) => c.name)).toEqual(["download-code", "unpack-code"]);
    expect(pod?.initContainers?.[0]?.command?.[2]).toBe(
      "aws s3 cp --only-show-errors 's3://bench/ci/maat-code/abab.tar.gz' /maat/code-bundle/code.tar.gz",
    );
    expect(validateKubernetesObject(objects[0])).toEqual([]);
  });

  it.each<Strategy>(["horovod", "pytorch_ddp", "inference"])(
    "reaches every pod of %s, each unpacked by its own image",
    (strategy) => {
      const descriptor = makeDescriptor({
        hardware: { instanceType: "p3.8xlarge", strategy, distributed: { numInstances: 2 } },
        ...(strategy === "inference" ? { server: makeServer() } : {}),
      });
      const objects = renderManifests(descriptor, { runId: "run-1234abcd", code: inConfigMap });
      for (const object of objects) expect(validateKubernetesObject(object)).toEqual([]);
      for (const object of objects.filter((o) => o.kind !== "ConfigMap" && o.kind !== "Service")) {
        for (const pod of podSpecsOf(object)) {
          expect(pod.initContainers?.[0]?.image).toBe(pod.containers[0]?.image);
          expect(pod.containers[0]?.workingDir).toBe("/workspace/benchmarks/resnet50");
        }
      }
    },
  );

  it("is absent in image mode, and the render notes say where the code comes from and that a schedule starts the runs", () => {
    const scheduled = makeDescriptor({ info: { scheduling: "0 3 * * *" } });
    expect(renderNotes(scheduled, undefined, "x")).toEqual([
      'Code: from the image user/repo:tag (run.code = "image"): the image must hold the benchmark\'s code.',
      'Scheduled (info.scheduling = "0 3 * * *"): rendered as one run, not a CronJob; the workflow\'s schedule starts each run (see maat plan --schedule).',
    ]);
    expect(renderNotes(makeDescriptor(), inConfigMap, "resnet-1")[0]).toContain(
      `Code: commit ${inConfigMap.commit}, a 0.0 KiB bundle with sha256 ${inConfigMap.sha256}, from the ConfigMap resnet-1-code`,
    );
  });
});

describe("data sources in pods", () => {
  it("puts a single file at its file path, not in a folder of that name", () => {
    const source = {
      src: "https://s3.amazonaws.com/model-server/model_archive_1.0/squeezenet_v1.1.mar",
      path: "/models/squeezenet_v1.1.mar",
    };
    expect(fileName(source)).toBe("squeezenet_v1.1.mar");
    expect(fileName({ src: "s3://bucket/imagenet/train/", path: "/data/train" })).toBeUndefined();
    expect(fileName({ src: "s3://bucket/imagenet/v2", path: "/data/imagenet.v2" })).toBeUndefined();
    const objects = renderManifests(makeDescriptor({ data: { sources: [source] } }), { runId: "r" });
    expect(mainContainer(objects[0] as (typeof objects)[0]).volumeMounts).toContainEqual({
      name: "data-0",
      mountPath: "/models/squeezenet_v1.1.mar",
      subPath: "squeezenet_v1.1.mar",
    });
    const cached = renderManifests(
      makeDescriptor({ data: { sources: [{ ...source, md5: "ab".repeat(16) }] } }),
      {
        runId: "r",
        datasetCachePvc: "datasets",
      },
    );
    expect(mainContainer(cached[0] as (typeof cached)[0]).volumeMounts).toContainEqual({
      name: "dataset-cache",
      mountPath: "/models/squeezenet_v1.1.mar",
      subPath: `${"ab".repeat(16)}/squeezenet_v1.1.mar`,
      readOnly: true,
    });
  });

  it("resolves ~ against the image's home and refuses a relative path, naming the field", () => {
    const home = makeDescriptor({
      data: { sources: [{ src: "s3://b/train", path: "~/data/tf-imagenet/train" }] },
    });
    const objects = renderManifests(home, { runId: "r" });
    expect(mainContainer(objects[0] as (typeof objects)[0]).volumeMounts?.[0]?.mountPath).toBe(
      "/root/data/tf-imagenet/train",
    );
    const relative = makeDescriptor({ data: { sources: [{ src: "s3://b/train", path: "data/train" }] } });
    expect(() => renderManifests(relative, { runId: "r" })).toThrow(KubernetesRenderError);
    expect(() => renderManifests(relative, { runId: "r" })).toThrow(
      'data.sources[0].path = "data/train" is not an absolute path',
    );
  });

  it("tells the inference server to listen on every interface of its pod", () => {
    const objects = renderManifests(
      makeDescriptor({ hardware: { instanceType: "c5.large", strategy: "inference" }, server: makeServer() }),
      { runId: "r" },
    );
    const server = objects.find((o) => o.kind === "Deployment");
    expect(mainContainer(server as (typeof objects)[0]).env).toContainEqual({
      name: "INFERENCE_SERVER_BIND_HOST",
      value: "0.0.0.0",
    });
  });
});
