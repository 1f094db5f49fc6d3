import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadKubeConfig } from "../../src/runners/kubernetes/kube-config.js";
import { KubernetesConfigError } from "../../src/runners/kubernetes/kubernetes-error.js";

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: eks-bench
  cluster: { server: "https://ABCD.gr7.us-east-1.eks.amazonaws.com" }
- name: kind-maat
  cluster: { server: "https://127.0.0.1:6443" }
users:
- name: ci
  user: { token: "t0ken" }
contexts:
- name: bench
  context: { cluster: eks-bench, user: ci, namespace: bench }
- name: kind-maat
  context: { cluster: kind-maat, user: ci }
current-context: bench
`;

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

async function kubeconfigFile(): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), "maat-kubeconfig-"));
  const path = join(dir, "config");
  await writeFile(path, KUBECONFIG);
  return path;
}

describe("loadKubeConfig", () => {
  it("uses the current context and reports its server", async () => {
    const loaded = loadKubeConfig({ kubeconfigPath: await kubeconfigFile() });
    expect(loaded.context).toBe("bench");
    expect(loaded.server).toBe("https://ABCD.gr7.us-east-1.eks.amazonaws.com");
  });

  it("switches to the context asked for", async () => {
    const loaded = loadKubeConfig({ kubeconfigPath: await kubeconfigFile(), context: "kind-maat" });
    expect(loaded.server).toBe("https://127.0.0.1:6443");
  });

  it("lists the contexts there are when the one asked for is missing", async () => {
    const path = await kubeconfigFile();
    expect(() => loadKubeConfig({ kubeconfigPath: path, context: "prod" })).toThrow(
      expect.objectContaining({
        message: 'the kubeconfig has no context "prod"',
        hint: expect.stringContaining("bench, kind-maat"),
      }),
    );
  });

  it("says how to point at a cluster when no kubeconfig is given", () => {
    expect(() => loadKubeConfig({})).toThrow(KubernetesConfigError);
    expect(() => loadKubeConfig({})).toThrow("no kubeconfig to reach the cluster");
  });

  it("names a kubeconfig file that does not exist", () => {
    expect(() => loadKubeConfig({ kubeconfigPath: "/nonexistent/kubeconfig" })).toThrow(
      'the kubeconfig "/nonexistent/kubeconfig" does not exist',
    );
  });
});
