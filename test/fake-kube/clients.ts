import {
  ApiException,
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Log,
  type V1Job,
  Watch,
} from "@kubernetes/client-node";
import type { FakeKube } from "../support/fake-kube/index.js";

/** The client-node APIs the Maat runner uses, configured from the fake's kubeconfig file. */
export function clientsFor(kube: FakeKube) {
  const config = new KubeConfig();
  config.loadFromFile(kube.kubeconfigPath);
  return {
    config,
    batch: config.makeApiClient(BatchV1Api),
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    custom: config.makeApiClient(CustomObjectsApi),
    watch: new Watch(config),
    log: new Log(config),
  };
}

export function jobManifest(
  name: string,
  extra: { image?: string; nodeSelector?: Record<string, string> } = {},
): V1Job {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, labels: { "app.kubernetes.io/managed-by": "maat" } },
    spec: {
      backoffLimit: 0,
      template: {
        spec: {
          restartPolicy: "Never",
          containers: [
            { name: "bench", image: extra.image ?? "python:3.12-slim", command: ["python", "bench.py"] },
          ],
          ...(extra.nodeSelector && { nodeSelector: extra.nodeSelector }),
        },
      },
    },
  };
}

/** The failure a client-node call rejected with: status code and parsed `Status` body. */
export async function apiFailure(
  call: Promise<unknown>,
): Promise<{ code: number; status: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof ApiException)) throw error;
    const body = typeof error.body === "string" && error.body !== "" ? JSON.parse(error.body) : {};
    return { code: error.code, status: body };
  }
  throw new Error("expected the call to fail");
}

/** Resolves once `predicate` holds, polling every 5 ms. */
export async function eventually(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
