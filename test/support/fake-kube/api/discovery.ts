import { apiVersionOf, RESOURCES, type ResourceType } from "../resources.js";
import { pathNotFound } from "../status.js";

const VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** Answers `/version`, `/api`, `/apis`, `/api/v1` and `/apis/<group>/<version>` for the served resources. */
export function discovery(
  root: "api" | "apis" | "version",
  served: (resource: ResourceType) => boolean,
  group?: string,
  version?: string,
): unknown {
  const resources = RESOURCES.filter(served);
  if (root === "version") {
    return {
      major: "1",
      minor: "30",
      gitVersion: "v1.30.0-fake-kube",
      platform: "linux/amd64",
      goVersion: "go1.22.0",
    };
  }
  if (root === "api" && version === undefined) {
    return {
      kind: "APIVersions",
      versions: ["v1"],
      serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1:443" }],
    };
  }
  if (version !== undefined) {
    const list = resources.filter((r) => r.group === (group ?? "") && r.version === version);
    if (list.length === 0) throw pathNotFound();
    return {
      kind: "APIResourceList",
      apiVersion: "v1",
      groupVersion: apiVersionOf(list[0]!),
      resources: list.flatMap((r) => [
        { name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: VERBS },
        ...(r.plural === "pods"
          ? [{ name: "pods/log", singularName: "", namespaced: true, kind: "Pod", verbs: ["get"] }]
          : []),
        {
          name: `${r.plural}/status`,
          singularName: "",
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: ["get", "patch", "update"],
        },
      ]),
    };
  }
  const groups = new Map<string, string[]>();
  for (const r of resources.filter((r) => r.group !== "")) {
    const versions = groups.get(r.group) ?? [];
    if (!versions.includes(r.version)) versions.push(r.version);
    groups.set(r.group, versions);
  }
  const entries = [...groups].map(([name, versions]) => ({
    name,
    versions: versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
  }));
  if (group !== undefined) {
    const entry = entries.find((e) => e.name === group);
    if (entry === undefined) throw pathNotFound();
    return { kind: "APIGroup", apiVersion: "v1", ...entry };
  }
  return { kind: "APIGroupList", apiVersion: "v1", groups: entries };
}
