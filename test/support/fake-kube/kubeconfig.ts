import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";

/** Writes a kubeconfig whose current context reaches `url` with a bearer token; returns its path. */
export async function writeKubeconfig(
  dir: string,
  facts: { url: string; token: string; namespace: string },
): Promise<string> {
  const path = join(dir, "kubeconfig");
  const config = {
    apiVersion: "v1",
    kind: "Config",
    // client-node refuses plain http unless TLS verification is off for the cluster.
    clusters: [{ name: "fake-kube", cluster: { server: facts.url, "insecure-skip-tls-verify": true } }],
    users: [{ name: "maat", user: { token: facts.token } }],
    contexts: [
      { name: "fake-kube", context: { cluster: "fake-kube", user: "maat", namespace: facts.namespace } },
    ],
    "current-context": "fake-kube",
  };
  await writeFile(path, stringify(config), { mode: 0o600 });
  return path;
}
