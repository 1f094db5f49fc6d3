import os from "node:os";
import path from "node:path";
import type { RepositoryConfig } from "../config/types.js";
import { dataSettingsFrom } from "../data/data-settings.js";
import type { BackendInfo } from "../results/receipt-types.js";
import { s3SettingsFor } from "../storage/s3-settings.js";
import type { CheckoutInfo } from "./code-placement.js";
import { createLocalRunner, DOCKER_IMAGE_NOTE } from "./local/local-runner.js";
import type { Runner } from "./runner.js";

export type BackendName = "local" | "docker" | "kubernetes";

export interface RunnerChoice {
  backend: BackendName;
  config: RepositoryConfig;
  env: Record<string, string | undefined>;
  /** Command-line overrides of the config's `[kubernetes]` table. */
  kubernetes?: { kubeconfig?: string; context?: string; namespace?: string };
  /** Recorded on the cluster objects. */
  commit?: string;
  /** Resolves a relative data cache folder; default: the working directory. */
  repoRoot?: string;
  /** The repository the descriptors come from: mounted (Docker) or bundled (Kubernetes) in script mode. */
  checkout?: CheckoutInfo;
}

/**
 * The runner for a backend, configured from the repository config: the one place the CLI and
 * the action turn "local" / "kubernetes" into a Runner and the receipt's initial `backend`.
 */
export async function createRunner(choice: RunnerChoice): Promise<{ runner: Runner; backend: BackendInfo }> {
  if (choice.backend === "local") {
    return {
      runner: createLocalRunner({
        data: dataSettingsFrom(choice.config, {
          repoRoot: choice.repoRoot ?? process.cwd(),
          env: choice.env,
        }),
        telemetry: choice.config.telemetry,
      }),
      backend: { kind: "local", dockerImageUsed: false, note: DOCKER_IMAGE_NOTE },
    };
  }
  if (choice.backend === "docker") {
    const { createDockerCli, createDockerRunner } = await import("./docker/index.js");
    const docker = choice.config.docker;
    const runner = createDockerRunner({
      cli: createDockerCli(docker.cli, choice.env),
      docker,
      data: dataSettingsFrom(choice.config, { repoRoot: choice.repoRoot ?? process.cwd(), env: choice.env }),
      ...(choice.checkout === undefined ? {} : { checkout: choice.checkout }),
    });
    return { runner, backend: runner.backendInfo?.() ?? { kind: "docker", dockerImageUsed: true } };
  }
  const k8s = choice.config.kubernetes;
  const kubeconfigPath =
    choice.kubernetes?.kubeconfig ??
    k8s.kubeconfig ??
    choice.env.KUBECONFIG ??
    path.join(choice.env.HOME ?? os.homedir(), ".kube", "config");
  const context = choice.kubernetes?.context ?? k8s.context;
  const namespace = choice.kubernetes?.namespace ?? k8s.namespace;
  const inCluster = choice.env.KUBERNETES_SERVICE_HOST !== undefined && choice.env.KUBECONFIG === undefined;
  // Loaded on demand: the Kubernetes client is most of the bundle, and most runs are local.
  const { createCodeSource, createKubernetesRunner } = await import("./kubernetes/index.js");
  const bucket = k8s.codeBucket;
  const runner = createKubernetesRunner({
    ...(inCluster && !choice.kubernetes?.kubeconfig && !k8s.kubeconfig
      ? { inCluster: true }
      : { kubeconfigPath }),
    ...(context === undefined ? {} : { context }),
    namespace,
    ...(k8s.unschedulableTimeoutMs === undefined
      ? {}
      : { unschedulableTimeoutMs: k8s.unschedulableTimeoutMs }),
    code: createCodeSource({
      checkout: choice.checkout,
      ...(bucket === undefined
        ? {}
        : {
            store: async () => {
              // Only a bundle over the ConfigMap limit loads the S3 SDK, through the one S3 client factory.
              const [{ createS3Client }, { createS3CodeStore }, { codeBundleLocation }] = await Promise.all([
                import("../storage/s3-client.js"),
                import("./kubernetes/code/s3-code-store.js"),
                import("./kubernetes/code/code-store.js"),
              ]);
              const settings = s3SettingsFor(choice.config.s3, codeBundleLocation(bucket, "").bucket);
              return createS3CodeStore(bucket, createS3Client(settings, { env: choice.env }));
            },
          }),
    }),
    render: {
      nodeSelector: k8s.nodeSelector,
      tolerations: k8s.tolerations,
      ...(k8s.datasetCachePvc === undefined ? {} : { datasetCachePvc: k8s.datasetCachePvc }),
      ...(k8s.fetcherImage === undefined ? {} : { fetcherImage: k8s.fetcherImage }),
      ...(choice.commit === undefined ? {} : { commit: choice.commit }),
    },
  });
  return { runner, backend: runner.backendInfo() };
}
