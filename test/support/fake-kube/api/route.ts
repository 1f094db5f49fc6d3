import { findResource, type ResourceType } from "../resources.js";

export type Route =
  | { type: "discovery"; group?: string; version?: string; root: "api" | "apis" | "version" }
  | {
      type: "resource";
      resource: ResourceType;
      namespace?: string;
      name?: string;
      subresource?: string;
      watch: boolean;
    };

/**
 * Reads an API path: `/api/v1/namespaces/bench/pods/x/log`, `/apis/batch/v1/jobs`,
 * the legacy `/api/v1/watch/...` form, and the discovery paths. `undefined` when unserved.
 */
export function parseRoute(pathname: string): Route | undefined {
  const segments = pathname
    .split("/")
    .filter((s) => s !== "")
    .map(decodeURIComponent);
  if (segments[0] === "version" && segments.length === 1) return { type: "discovery", root: "version" };
  let group: string;
  let version: string | undefined;
  let rest: string[];
  if (segments[0] === "api") {
    group = "";
    version = segments[1];
    rest = segments.slice(2);
  } else if (segments[0] === "apis") {
    group = segments[1] ?? "";
    version = segments[2];
    rest = segments.slice(3);
    if (segments.length <= 2) return { type: "discovery", root: "apis", ...(segments[1] && { group }) };
  } else {
    return undefined;
  }
  if (version === undefined) return { type: "discovery", root: "api" };
  if (rest.length === 0) return { type: "discovery", root: segments[0] as "api" | "apis", group, version };
  const watch = rest[0] === "watch";
  if (watch) rest = rest.slice(1);
  let namespace: string | undefined;
  // `namespaces/<ns>/<plural>...` is a namespaced resource; `namespaces/<name>[/status]` is a Namespace.
  if (rest[0] === "namespaces" && rest.length >= 3 && rest[2] !== "status" && rest[2] !== "finalize") {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  const resource = plural === undefined ? undefined : findResource(group, version, plural);
  if (resource === undefined || extra.length > 0) return undefined;
  if (namespace !== undefined && !resource.namespaced) return undefined;
  return {
    type: "resource",
    resource,
    watch,
    ...(namespace !== undefined && { namespace }),
    ...(name !== undefined && { name }),
    ...(subresource !== undefined && { subresource }),
  };
}
