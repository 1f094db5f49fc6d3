import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseAllDocuments } from "yaml";
import { parseDescriptor } from "../../src/descriptor/index.js";
import type { Descriptor } from "../../src/descriptor/types.js";
import { renderManifests, renderManifestsYaml } from "../../src/runners/kubernetes/render/index.js";
import { validateKubernetesObject } from "../support/kube-schemas.js";
import { mainContainer, podSpecsOf, replica } from "./helpers.js";

/** The two examples of the Anubis descriptor specification, as the descriptor tests keep them. */
function example(name: string, file: string): Descriptor {
  const text = readFileSync(new URL(`../fixtures/descriptors/${name}`, import.meta.url), "utf8");
  const result = parseDescriptor(text, { file });
  if (result.descriptor === undefined) throw new Error(JSON.stringify(result.problems));
  return result.descriptor;
}

const training = example("anubis-training.toml", "benchmarks/examples/training.toml");
const inference = example("anubis-inference.toml", "benchmarks/examples/inference.toml");
const OPTIONS = { runId: "spec-0001", namespace: "bench" };

describe("the specification's examples on Kubernetes", () => {
  test("training: a horovod MPIJob of 3 p3.8xlarge workers with 4 GPUs each, valid against the schemas", () => {
    const objects = renderManifests(training, OPTIONS);
    expect(objects.map((o) => o.kind)).toEqual(["MPIJob"]);
    const [mpiJob] = objects;
    for (const object of objects) expect(validateKubernetesObject(object)).toEqual([]);
    const worker = replica(mpiJob!, "Worker");
    expect(worker.replicas).toBe(3);
    expect(worker.template.spec.nodeSelector).toEqual({ "node.kubernetes.io/instance-type": "p3.8xlarge" });
    expect(worker.template.spec.containers[0]?.resources).toEqual({ limits: { "nvidia.com/gpu": "4" } });
    expect(worker.template.spec.volumes).toContainEqual({ name: "dshm", emptyDir: { medium: "Memory" } });
    expect(replica(mpiJob!, "Launcher").template.spec.containers[0]?.command).toEqual([
      "/bin/sh",
      "-c",
      "python /root/train.sh --model=resnet50_v2 --batch-size=32",
    ]);
    expect(mpiJob?.metadata.labels).toMatchObject({ "custom-label": "value", "other-label": "other-value" });
  });

  test("inference: server on p3.8xlarge with ports 8080 and 8081 and URL probes, client on t3.medium", () => {
    const objects = renderManifests(inference, OPTIONS);
    expect(objects.map((o) => o.kind)).toEqual(["Job", "Service", "Deployment"]);
    for (const object of objects) expect(validateKubernetesObject(object)).toEqual([]);
    const [client, , server] = objects;
    const container = mainContainer(server!);
    expect(container.ports?.map((p) => p.containerPort)).toEqual([8080, 8081]);
    expect(container.readinessProbe?.httpGet).toEqual({ path: "/iamok", port: 8081, scheme: "HTTP" });
    expect(container.livenessProbe?.httpGet).toEqual({ path: "/iamhere", port: 8080, scheme: "HTTP" });
    expect(container.resources).toEqual({ limits: { "nvidia.com/gpu": "4" } });
    expect(podSpecsOf(client!)[0]?.nodeSelector).toEqual({ "node.kubernetes.io/instance-type": "t3.medium" });
    expect(mainContainer(client!).resources).toBeUndefined();
    expect(mainContainer(client!).command?.[2]).toContain("--host=$" + "{INFERENCE_SERVER_HOST}");
  });

  test("the YAML stream parses back to the same objects, after a comment naming the descriptor", () => {
    for (const descriptor of [training, inference]) {
      const objects = renderManifests(descriptor, OPTIONS);
      const text = renderManifestsYaml(objects);
      expect(text.split("\n")[1]).toContain(`Descriptor: ${descriptor.path}`);
      const documents = parseAllDocuments(text);
      expect(Array.isArray(documents)).toBe(true);
      const parsed = (documents as { errors: unknown[]; toJS(): unknown }[]).map((doc) => {
        expect(doc.errors).toEqual([]);
        return doc.toJS();
      });
      expect(parsed).toEqual(objects);
    }
  });
});
