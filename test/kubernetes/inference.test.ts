import type { V1Deployment, V1Service } from "@kubernetes/client-node";
import { describe, expect, test } from "vitest";
import {
  type KubernetesObject,
  renderManifests,
  withOwner,
} from "../../src/runners/kubernetes/render/index.js";
import { validateKubernetesObject } from "../support/kube-schemas.js";
import { makeDescriptor, makeServer } from "./descriptor-factory.js";
import { mainContainer, podSpecsOf } from "./helpers.js";

const descriptor = makeDescriptor({
  hardware: { strategy: "inference", instanceType: "c5.xlarge" },
  server: makeServer(),
});

function render(namespace?: string) {
  const [client, service, server] = renderManifests(descriptor, {
    runId: "run-abcdef12",
    ...(namespace === undefined ? {} : { namespace }),
  }) as [KubernetesObject, KubernetesObject & V1Service, KubernetesObject & V1Deployment];
  return { client, service, server };
}

describe("inference", () => {
  test("the server runs its start command with its args, ports, env and the spec's probes", () => {
    const { server } = render();
    const container = mainContainer(server);
    expect(server.spec?.replicas).toBe(1);
    expect(container.command).toEqual(["/bin/sh", "-c", "/opt/bin/server --model=mnist"]);
    expect(container.ports).toEqual([
      { containerPort: 8080, protocol: "TCP" },
      { containerPort: 8081, protocol: "TCP" },
    ]);
    expect(container.env).toEqual([
      { name: "VAR1", value: "value1" },
      { name: "INFERENCE_SERVER_BIND_HOST", value: "0.0.0.0" },
    ]);
    expect(container.readinessProbe).toEqual({
      httpGet: { path: "/iamok", port: 8081, scheme: "HTTP" },
      initialDelaySeconds: 10,
      periodSeconds: 10,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(container.livenessProbe?.httpGet).toEqual({ path: "/iamhere", port: 8080, scheme: "HTTP" });
  });

  test("the server runs on its own instance type and fetches its models", () => {
    const { server } = render();
    const pod = podSpecsOf(server)[0];
    expect(pod?.nodeSelector).toEqual({ "node.kubernetes.io/instance-type": "g5.xlarge" });
    expect(mainContainer(server).resources).toEqual({ limits: { "nvidia.com/gpu": "1" } });
    expect(pod?.initContainers?.map((c) => c.name)).toEqual(["fetch-model"]);
    expect(mainContainer(server).volumeMounts).toEqual([{ name: "model-0", mountPath: "/models/mnist" }]);
  });

  test("the Service selects exactly the server's pods and exposes every port", () => {
    const { service, server } = render();
    expect(service.metadata.name).toBe(server.metadata.name);
    expect(service.spec?.ports?.map((p) => [p.name, p.port, p.targetPort])).toEqual([
      ["port-1", 8080, 8080],
      ["port-2", 8081, 8081],
    ]);
    const podLabels = server.spec?.template.metadata?.labels ?? {};
    for (const [key, value] of Object.entries(service.spec?.selector ?? {}))
      expect(podLabels[key]).toBe(value);
    expect(server.spec?.selector.matchLabels).toEqual(service.spec?.selector);
  });

  test("the client is told where the server is and waits for it to be ready", () => {
    const { client, service } = render();
    expect(mainContainer(client).env).toEqual([
      { name: "INFERENCE_SERVER_HOST", value: service.metadata.name },
      { name: "INFERENCE_SERVER_PORT", value: "8080" },
      { name: "INFERENCE_SERVER_PORT_1", value: "8080" },
      { name: "INFERENCE_SERVER_PORT_2", value: "8081" },
    ]);
    const wait = podSpecsOf(client)[0]?.initContainers?.find((c) => c.name === "wait-for-server");
    expect(wait?.command?.[2]).toContain(`'http://${service.metadata.name}:8081/iamok'`);
    expect(mainContainer(client).resources).toBeUndefined();
  });

  test("in a namespace the host is the Service's full DNS name", () => {
    const { client, service } = render("bench");
    expect(mainContainer(client).env?.[0]).toEqual({
      name: "INFERENCE_SERVER_HOST",
      value: `${service.metadata.name}.bench.svc.cluster.local`,
    });
  });

  test("withOwner makes the client Job own the server objects, which still validate", () => {
    const { client, service, server } = render();
    const owner = { apiVersion: "batch/v1", kind: "Job", name: client.metadata.name, uid: "1234-uid" };
    for (const object of [service, server]) {
      expect(object.metadata.ownerReferences).toBeUndefined();
      const owned = withOwner(object, owner);
      expect(owned.metadata.ownerReferences).toEqual([{ ...owner, blockOwnerDeletion: true }]);
      expect(withOwner(owned, owner).metadata.ownerReferences).toHaveLength(1);
      expect(validateKubernetesObject(owned)).toEqual([]);
    }
  });

  test("a descriptor with the inference strategy but no server is refused", () => {
    const noServer = makeDescriptor({ hardware: { strategy: "inference" } });
    expect(() => renderManifests(noServer, { runId: "r" })).toThrow(/no \[server\]/);
  });
});
