import { existsSync } from "node:fs";
import { delimiter } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { KubernetesConfigError } from "./kubernetes-error.js";

/** Where the cluster's address and credentials come from. */
export interface KubeConfigSource {
  /** A kubeconfig file, or several joined like `KUBECONFIG` (`a:b`), merged first wins. */
  kubeconfigPath?: string;
  /** Use the service account of the pod this runs in (Maat itself running in the cluster). */
  inCluster?: boolean;
  /** The kubeconfig context to use; default: its current-context. */
  context?: string;
}

export interface LoadedKubeConfig {
  kubeConfig: KubeConfig;
  /** The context in use ("in-cluster" for a service account). */
  context: string;
  /** The API server's URL. */
  server: string;
}

/**
 * Loads a kubeconfig from the given source, never from the environment (the CLI reads
 * `KUBECONFIG` and the repository config and passes the path).
 *
 * Example: `loadKubeConfig({ kubeconfigPath: "/home/me/.kube/config", context: "bench" })`.
 */
export function loadKubeConfig(source: KubeConfigSource): LoadedKubeConfig {
  const kubeConfig = new KubeConfig();
  try {
    if (source.inCluster === true) kubeConfig.loadFromCluster();
    else loadFiles(kubeConfig, source.kubeconfigPath);
  } catch (error) {
    if (error instanceof KubernetesConfigError) throw error;
    throw new KubernetesConfigError(
      `cannot load the kubeconfig ${source.inCluster === true ? "of this pod's service account" : `"${source.kubeconfigPath}"`}: ${(error as Error).message}`,
      {
        hint: "check the file (kubectl config view) or set kubernetes.kubeconfig in maat.toml",
        cause: error,
      },
    );
  }
  if (source.context !== undefined) {
    if (kubeConfig.getContextObject(source.context) === null) {
      const known = kubeConfig.getContexts().map((c) => c.name);
      throw new KubernetesConfigError(`the kubeconfig has no context "${source.context}"`, {
        hint: `use one of: ${known.join(", ") || "(none)"}; or fix kubernetes.context in maat.toml`,
      });
    }
    kubeConfig.setCurrentContext(source.context);
  }
  const cluster = kubeConfig.getCurrentCluster();
  if (cluster === null) {
    throw new KubernetesConfigError("the kubeconfig names no cluster for its current context", {
      hint: "select a context with kubernetes.context in maat.toml (kubectl config get-contexts lists them)",
    });
  }
  return { kubeConfig, context: kubeConfig.getCurrentContext(), server: cluster.server };
}

function loadFiles(kubeConfig: KubeConfig, paths: string | undefined): void {
  const files = (paths ?? "").split(delimiter).filter((file) => file !== "");
  if (files.length === 0) {
    throw new KubernetesConfigError("no kubeconfig to reach the cluster", {
      hint: "set KUBECONFIG, or kubernetes.kubeconfig in maat.toml, or run Maat inside the cluster",
    });
  }
  const existing = files.filter((file) => existsSync(file));
  if (existing.length === 0) {
    throw new KubernetesConfigError(
      `the kubeconfig ${files.map((f) => `"${f}"`).join(", ")} does not exist`,
      {
        hint: "set KUBECONFIG or kubernetes.kubeconfig in maat.toml to an existing file",
      },
    );
  }
  kubeConfig.loadFromFile(existing[0] as string);
  for (const file of existing.slice(1)) {
    const more = new KubeConfig();
    more.loadFromFile(file);
    // Like kubectl: the first file that sets a value wins.
    kubeConfig.mergeConfig(more, true);
  }
}
