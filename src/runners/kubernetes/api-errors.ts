import { KubernetesApiError } from "./kubernetes-error.js";
import { apiVersionOf, isCustomResource, qualifiedName, type ResourceType } from "./resources.js";

/** What the runner was doing when the API server said no. */
export interface ApiAction {
  verb: "create" | "delete" | "get" | "list" | "watch";
  type: ResourceType;
  namespace?: string;
  name?: string;
}

/** The parts of a Kubernetes `Status` body the messages use. */
interface StatusBody {
  message?: string;
  reason?: string;
  details?: { kind?: string; name?: string; group?: string };
}

/** Verbs and resources the runner needs, for the hint of a 403. */
export const REQUIRED_PERMISSIONS =
  "create/get/list/watch/delete on jobs.batch, deployments.apps, services, mpijobs.kubeflow.org and pytorchjobs.kubeflow.org; get/list/watch on pods, pods/log and events; get on nodes (optional, for instance types)";

/**
 * Turns an API failure (a client-node ApiException, a watch error with `statusCode`, or a
 * network error) into a KubernetesApiError that says what was refused and what to do.
 * Pure: reads only the error's status code and body.
 *
 * Example: a 404 creating an MPIJob becomes "the MPIJob CRD (kubeflow.org/v2beta1) is not
 * installed: install the Kubeflow MPI operator".
 */
export function explainApiError(error: unknown, action: ApiAction): KubernetesApiError {
  const status = statusCodeOf(error);
  const body = statusBodyOf(error);
  const resource = qualifiedName(action.type);
  const where = action.namespace === undefined ? "" : ` in namespace "${action.namespace}"`;
  const serverSays = body.message === undefined ? "" : `: ${body.message}`;
  const make = (message: string, hint?: string) =>
    new KubernetesApiError(message, { status, hint, cause: error });

  if (status === undefined) {
    return make(
      `cannot reach the Kubernetes API server to ${action.verb} ${resource}: ${(error as Error)?.message ?? String(error)}`,
      "check the cluster address in the kubeconfig and the network (kubectl cluster-info)",
    );
  }
  if (status === 404 && body.details?.kind === "namespaces") {
    return make(
      `the namespace "${body.details.name ?? action.namespace}" does not exist`,
      "create it (kubectl create namespace NAME) or set kubernetes.namespace in maat.toml",
    );
  }
  if (status === 404 && action.verb === "create" && isCustomResource(action.type)) {
    return make(
      `the ${action.type.kind} CRD (${apiVersionOf(action.type)}) is not installed: install ${action.type.operator}`,
      `kubectl get crd ${resource} shows whether it is there; or run this benchmark with the local backend`,
    );
  }
  if (status === 403) {
    const refused = describeForbidden(body.message) ?? `${action.verb} on ${resource}${where}`;
    return make(
      `the cluster forbids ${refused}${body.message === undefined ? "" : ` (${body.message})`}`,
      `grant the credentials of this kubeconfig ${REQUIRED_PERMISSIONS}`,
    );
  }
  if (status === 401) {
    return make(
      `the Kubernetes API server did not accept the credentials${serverSays}`,
      "refresh them (e.g. aws eks update-kubeconfig) and check the kubeconfig's user",
    );
  }
  if (status === 409 && action.verb === "create") {
    return make(
      `a ${action.type.kind} named "${action.name}" already exists${where}`,
      "each run has its own run id; delete the leftover object or run again",
    );
  }
  if (status === 422) {
    return make(`the cluster rejected the ${action.type.kind} "${action.name}"${serverSays}`);
  }
  return make(
    `the Kubernetes API server answered ${status} to ${action.verb} ${resource}${action.name === undefined ? "" : ` "${action.name}"`}${where}${serverSays}`,
  );
}

/** `User "u" cannot create resource "jobs" in API group "batch" ...` -> `create on jobs.batch in namespace "ns" for User "u"`. */
function describeForbidden(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const match =
    /(User "[^"]*"|[^:]*?) cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)")?/.exec(
      message,
    );
  if (match === null) return undefined;
  const [, who, verb, plural, group, namespace] = match;
  const resource = group === undefined || group === "" ? plural : `${plural}.${group}`;
  const where = namespace === undefined ? "" : ` in namespace "${namespace}"`;
  return `${verb} on ${resource}${where} for ${who?.trim()}`;
}

export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  if (typeof code === "number") return code;
  if (typeof statusCode === "number") return statusCode;
  return undefined;
}

function statusBodyOf(error: unknown): StatusBody {
  if (typeof error !== "object" || error === null) return {};
  let body = (error as { body?: unknown }).body;
  if (typeof body === "string") {
    const text = body.trim();
    try {
      body = JSON.parse(text);
    } catch {
      return text === "" ? {} : { message: text };
    }
  }
  if (typeof body !== "object" || body === null) return {};
  return body as StatusBody;
}
