import { StatusError } from "./status.js";

export type Verb = "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection";

/** A permission the fake's user lacks, e.g. `{ verb: "create", resource: "jobs", group: "batch" }`. */
export interface ForbidRule {
  verb: Verb | "*";
  /** Plural resource, with a subresource after a slash: `pods/log`. */
  resource: string;
  /** API group; "" is core. Any group when left out. */
  group?: string;
  /** Only in this namespace; every namespace when left out. */
  namespace?: string;
}

export interface AccessRequest {
  verb: Verb;
  resource: string;
  group: string;
  namespace?: string;
  name?: string;
}

/** The 403 the API server's RBAC authorizer gives, if a rule forbids the request. */
export function checkAccess(
  rules: readonly ForbidRule[],
  user: string,
  request: AccessRequest,
): StatusError | undefined {
  const denied = rules.some(
    (r) =>
      (r.verb === "*" || r.verb === request.verb) &&
      r.resource === request.resource &&
      (r.group === undefined || r.group === request.group) &&
      (r.namespace === undefined || r.namespace === request.namespace),
  );
  if (!denied) return undefined;
  const [plural] = request.resource.split("/");
  const qualified = request.group === "" ? plural : `${plural}.${request.group}`;
  const subject = request.name === undefined ? qualified : `${qualified} "${request.name}"`;
  const scope =
    request.namespace === undefined ? "at the cluster scope" : `in the namespace "${request.namespace}"`;
  const message = `${subject} is forbidden: User "${user}" cannot ${request.verb} resource "${request.resource}" in API group "${request.group}" ${scope}`;
  return new StatusError(403, "Forbidden", message, {
    ...(request.name !== undefined && { name: request.name }),
    ...(request.group !== "" && { group: request.group }),
    kind: plural,
  });
}
