import { deleteWithPropagation, type Propagation } from "../cluster/garbage-collector.js";
import { randomSuffix } from "../names.js";
import { applyPatch } from "../patch.js";
import { apiVersionOf, type ResourceType } from "../resources.js";
import { parseFieldSelector, parseLabelSelector } from "../selectors.js";
import {
  badRequest,
  conflict,
  invalid,
  methodNotAllowed,
  notFound,
  StatusError,
  successStatus,
} from "../status.js";
import type { Store } from "../store.js";
import type { KubeObject } from "../types.js";
import { type SchemaValidator, validateObject } from "../validation.js";
import { applyDefaults } from "./defaults.js";

export interface ApiContext {
  store: Store;
  validate: SchemaValidator;
}

export interface ResourceRequest {
  resource: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  body: unknown;
  contentType: string;
}

export interface Reply {
  status: number;
  body: unknown;
}

// Fields the server owns: a client's values for them are ignored on create.
const SERVER_FIELDS = [
  "uid",
  "resourceVersion",
  "creationTimestamp",
  "generation",
  "deletionTimestamp",
  "managedFields",
];

export function createObject(ctx: ApiContext, req: ResourceRequest): Reply {
  const { resource, namespace } = req;
  if (req.subresource !== undefined || req.name !== undefined) throw methodNotAllowed();
  const object = asObject(req.body, resource);
  const meta = object.metadata;
  if (namespace !== undefined && meta.namespace !== undefined && meta.namespace !== namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  if (resource.namespaced) {
    meta.namespace = namespace;
    if (ctx.store.get("namespaces", undefined, namespace!) === undefined) {
      throw new StatusError(404, "NotFound", `namespaces "${namespace}" not found`, {
        name: namespace!,
        kind: "namespaces",
      });
    }
  }
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
  if (!meta.name) {
    throw invalid(resource, "", [
      {
        reason: "FieldValueRequired",
        message: "Required value: name or generateName is required",
        field: "metadata.name",
      },
    ]);
  }
  for (const field of SERVER_FIELDS) delete meta[field];
  const causes = validateObject(resource, object, ctx.validate);
  if (causes.length > 0) throw invalid(resource, meta.name, causes);
  applyDefaults(resource, object);
  return { status: 201, body: ctx.store.create(resource.plural, object) };
}

export function getObject(ctx: ApiContext, req: ResourceRequest): Reply {
  return { status: 200, body: existing(ctx, req) };
}

export function listObjects(ctx: ApiContext, req: ResourceRequest): Reply {
  const { resource, query } = req;
  const labels = parseLabelSelector(query.get("labelSelector") ?? undefined);
  const fields = parseFieldSelector(query.get("fieldSelector") ?? undefined);
  const all = ctx.store
    .list(resource.plural, req.namespace)
    .filter((o) => labels(o.metadata.labels) && fields(o));
  const offset = query.get("continue")
    ? Number(Buffer.from(query.get("continue")!, "base64url").toString())
    : 0;
  const limit = Number(query.get("limit") ?? 0) || all.length;
  const items = all.slice(offset, offset + limit);
  const remaining = all.length - offset - items.length;
  const listMeta = {
    resourceVersion: String(ctx.store.resourceVersion),
    ...(remaining > 0 && {
      continue: Buffer.from(String(offset + items.length)).toString("base64url"),
      remainingItemCount: remaining,
    }),
  };
  // Built-in lists leave kind and apiVersion off their items; custom resource lists keep them.
  const shown = resource.crd ? items : items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest);
  return {
    status: 200,
    body: {
      kind: `${resource.kind}List`,
      apiVersion: apiVersionOf(resource),
      metadata: listMeta,
      items: shown,
    },
  };
}

/** PUT: replaces the object (or only its status, on `/status`), checking resourceVersion if sent. */
export function replaceObject(ctx: ApiContext, req: ResourceRequest): Reply {
  const current = existing(ctx, req);
  const incoming = asObject(req.body, req.resource);
  if (incoming.metadata.name !== current.metadata.name) {
    throw badRequest(
      `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${current.metadata.name})`,
    );
  }
  const sent = incoming.metadata.resourceVersion;
  if (sent && sent !== current.metadata.resourceVersion) throw conflict(req.resource, current.metadata.name);
  return { status: 200, body: store(ctx, req, current, incoming) };
}

export function patchObject(ctx: ApiContext, req: ResourceRequest): Reply {
  const current = existing(ctx, req);
  const patched = applyPatch(current, req.body, req.contentType) as KubeObject;
  return { status: 200, body: store(ctx, req, current, patched) };
}

export function deleteObject(ctx: ApiContext, req: ResourceRequest): Reply {
  const current = existing(ctx, req);
  const options = (req.body ?? {}) as { propagationPolicy?: string; orphanDependents?: boolean };
  const policy =
    req.query.get("propagationPolicy") ??
    options.propagationPolicy ??
    (options.orphanDependents === true || req.query.get("orphanDependents") === "true"
      ? "Orphan"
      : undefined) ??
    req.resource.defaultPropagation ??
    "Background";
  if (!["Foreground", "Background", "Orphan"].includes(policy)) {
    throw badRequest(`propagationPolicy: Unsupported value: "${policy}"`);
  }
  const { plural } = req.resource;
  const result = deleteWithPropagation(
    ctx.store,
    plural,
    req.namespace,
    current.metadata.name,
    policy as Propagation,
  );
  if (policy === "Foreground") return { status: 200, body: result };
  return { status: 200, body: successStatus(req.resource, current.metadata.name, current.metadata.uid) };
}

export function deleteCollection(ctx: ApiContext, req: ResourceRequest): Reply {
  const { body } = listObjects(ctx, req);
  for (const item of (body as { items: KubeObject[] }).items) {
    deleteWithPropagation(ctx.store, req.resource.plural, req.namespace, item.metadata.name, "Background");
  }
  return {
    status: 200,
    body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 200 },
  };
}

function existing(ctx: ApiContext, req: ResourceRequest): KubeObject {
  if (req.subresource !== undefined && req.subresource !== "status")
    throw notFound(req.resource, req.name ?? "");
  const found = ctx.store.get(req.resource.plural, req.namespace, req.name!);
  if (found === undefined) throw notFound(req.resource, req.name!);
  return found;
}

/** Validates and stores an update: the main resource keeps its status, `/status` keeps its spec. */
function store(ctx: ApiContext, req: ResourceRequest, current: KubeObject, next: KubeObject): KubeObject {
  next.apiVersion ??= current.apiVersion;
  next.kind ??= current.kind;
  next.metadata = { ...next.metadata, name: current.metadata.name, namespace: current.metadata.namespace };
  if (req.subresource === "status") {
    return ctx.store.update(req.resource.plural, { ...current, status: next.status });
  }
  const causes = validateObject(req.resource, withoutServerFields(next), ctx.validate);
  if (causes.length > 0) throw invalid(req.resource, current.metadata.name, causes);
  return ctx.store.update(req.resource.plural, { ...next, status: current.status });
}

function withoutServerFields(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  delete copy.status;
  return copy;
}

/** The request body as an object of this resource, with apiVersion and kind filled in as the server does. */
function asObject(body: unknown, resource: ResourceType): KubeObject {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(
      "the body of the request was in an unknown format - accepted media types include: application/json",
    );
  }
  const object = structuredClone(body) as KubeObject;
  const expected = apiVersionOf(resource);
  if (object.apiVersion !== undefined && object.apiVersion !== expected) {
    throw badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${expected})`,
    );
  }
  if (object.kind !== undefined && object.kind !== resource.kind) {
    throw badRequest(
      `the kind in the data (${object.kind}) does not match the expected kind (${resource.kind})`,
    );
  }
  object.apiVersion = expected;
  object.kind = resource.kind;
  object.metadata = { ...(object.metadata ?? {}) } as KubeObject["metadata"];
  return object;
}
