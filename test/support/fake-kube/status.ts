import { qualifiedName, type ResourceType } from "./resources.js";

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

/** The `Status` object the API server answers every failure with. */
export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** A failure the request pipeline turns into a `Status` reply. */
export class StatusError extends Error {
  readonly status: Status;
  readonly headers: Record<string, string>;

  constructor(code: number, reason: string, message: string, details?: Status["details"], headers = {}) {
    super(message);
    this.status = {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message,
      reason,
      ...(details && { details }),
      code,
    };
    this.headers = headers;
  }
}

function detailsOf(resource: ResourceType, name?: string): Status["details"] {
  return {
    ...(name !== undefined && { name }),
    ...(resource.group && { group: resource.group }),
    kind: resource.plural,
  };
}

export function notFound(resource: ResourceType, name: string): StatusError {
  return new StatusError(
    404,
    "NotFound",
    `${qualifiedName(resource)} "${name}" not found`,
    detailsOf(resource, name),
  );
}

/** What the server says for a path it does not serve, e.g. a CRD that is not installed. */
export function pathNotFound(): StatusError {
  return new StatusError(404, "NotFound", "the server could not find the requested resource", {});
}

export function alreadyExists(resource: ResourceType, name: string): StatusError {
  return new StatusError(
    409,
    "AlreadyExists",
    `${qualifiedName(resource)} "${name}" already exists`,
    detailsOf(resource, name),
  );
}

export function conflict(resource: ResourceType, name: string): StatusError {
  return new StatusError(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${qualifiedName(resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    detailsOf(resource, name),
  );
}

export function invalid(resource: ResourceType, name: string, causes: StatusCause[]): StatusError {
  const kind = resource.group === "" ? resource.kind : `${resource.kind}.${resource.group}`;
  const listed = causes.map((c) => `${c.field}: ${c.message}`);
  const summary = listed.length === 1 ? listed[0] : `[${listed.join(", ")}]`;
  return new StatusError(422, "Invalid", `${kind} "${name}" is invalid: ${summary}`, {
    name,
    ...(resource.group && { group: resource.group }),
    kind: resource.kind,
    causes,
  });
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, "BadRequest", message);
}

export function unauthorized(): StatusError {
  return new StatusError(401, "Unauthorized", "Unauthorized");
}

export function methodNotAllowed(): StatusError {
  return new StatusError(
    405,
    "MethodNotAllowed",
    "the server does not allow this method on the requested resource",
  );
}

/** The 410 a watch gets when its resourceVersion has left the server's window. */
export function expired(requested: number, oldest: number): StatusError {
  return new StatusError(410, "Expired", `too old resource version: ${requested} (${oldest})`);
}

export function successStatus(resource: ResourceType, name: string, uid: string): Status {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    details: { name, ...(resource.group && { group: resource.group }), kind: resource.plural, uid },
    code: 200,
  };
}
