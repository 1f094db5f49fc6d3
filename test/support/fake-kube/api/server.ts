import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseYaml } from "yaml";
import type { LogBook } from "../cluster/logbook.js";
import type { Faults } from "../faults.js";
import { checkAccess, type ForbidRule, type Verb } from "../rbac.js";
import type { ResourceType } from "../resources.js";
import { badRequest, methodNotAllowed, pathNotFound, StatusError, unauthorized } from "../status.js";
import type { Store } from "../store.js";
import type { SchemaValidator } from "../validation.js";
import {
  type ApiContext,
  createObject,
  deleteCollection,
  deleteObject,
  getObject,
  listObjects,
  patchObject,
  type Reply,
  type ResourceRequest,
  replaceObject,
} from "./crud.js";
import { discovery } from "./discovery.js";
import { serveLogs } from "./logs.js";
import { parseRoute } from "./route.js";
import type { WatchHub } from "./watch.js";

/** One request as the fake saw it, for assertions such as "delete used propagationPolicy=Foreground". */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  contentType?: string;
  /** The answer's status code; 200 for watches and log streams. */
  status: number;
}

export interface ServerParts {
  store: Store;
  logs: LogBook;
  watches: WatchHub;
  faults: Faults;
  validate: SchemaValidator;
  token: string;
  user: string;
  forbid: ForbidRule[];
  installedCrds: ReadonlySet<string>;
}

/** The request pipeline: record, authenticate, inject faults, route, authorize, handle. */
export class ApiServer {
  readonly requests: RecordedRequest[] = [];
  readonly #parts: ServerParts;

  constructor(parts: ServerParts) {
    this.#parts = parts;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake-kube");
    const method = (req.method ?? "GET").toUpperCase();
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseBody(text, req.headers["content-type"]),
      ...(req.headers["content-type"] && { contentType: req.headers["content-type"] }),
      status: 0,
    };
    this.requests.push(record);
    try {
      const reply = this.#answer(method, url, req, res, record.body);
      record.status = reply?.status ?? 200;
      if (reply) send(res, reply.status, reply.body);
    } catch (error) {
      const failure =
        error instanceof StatusError ? error : new StatusError(500, "InternalError", String(error));
      record.status = failure.status.code;
      if (res.headersSent) res.destroy();
      else send(res, failure.status.code, failure.status, failure.headers);
    }
  }

  /** The reply, or `undefined` when the handler streams its own response. */
  #answer(
    method: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
  ): Reply | undefined {
    const p = this.#parts;
    if (req.headers.authorization !== `Bearer ${p.token}`) throw unauthorized();
    if (body === UNPARSABLE) throw badRequest("the body of the request could not be decoded as JSON or YAML");
    const fault = p.faults.take(method, url.pathname);
    if (fault) throw fault;
    const route = parseRoute(url.pathname);
    if (route === undefined) throw pathNotFound();
    const served = (r: ResourceType) => r.crd === undefined || p.installedCrds.has(r.crd);
    if (route.type === "discovery") {
      if (method !== "GET") throw methodNotAllowed();
      return { status: 200, body: discovery(route.root, served, route.group, route.version) };
    }
    const { resource, namespace, name, subresource } = route;
    if (!served(resource)) throw pathNotFound();
    const query = url.searchParams;
    const watch = route.watch || query.get("watch") === "true" || query.get("watch") === "1";
    const verb = verbOf(method, name !== undefined, watch);
    const denied = checkAccess(p.forbid, p.user, {
      verb,
      resource: subresource ? `${resource.plural}/${subresource}` : resource.plural,
      group: resource.group,
      ...(namespace !== undefined && { namespace }),
      ...(name !== undefined && { name }),
    });
    if (denied) throw denied;
    if (subresource === "log" && resource.plural === "pods" && method === "GET") {
      serveLogs(p.store, p.logs, { namespace: namespace!, name: name!, query }, res);
      return undefined;
    }
    if (watch) {
      if (method !== "GET") throw methodNotAllowed();
      p.watches.serve(
        {
          resource,
          query,
          ...(namespace !== undefined && { namespace }),
          ...(name !== undefined && { name }),
        },
        res,
      );
      return undefined;
    }
    const request: ResourceRequest = {
      resource,
      query,
      body,
      contentType: req.headers["content-type"] ?? "application/json",
      ...(namespace !== undefined && { namespace }),
      ...(name !== undefined && { name }),
      ...(subresource !== undefined && { subresource }),
    };
    const ctx: ApiContext = { store: p.store, validate: p.validate };
    const handlers: Record<Verb, (ctx: ApiContext, req: ResourceRequest) => Reply> = {
      get: getObject,
      list: listObjects,
      watch: listObjects,
      create: createObject,
      update: replaceObject,
      patch: patchObject,
      delete: deleteObject,
      deletecollection: deleteCollection,
    };
    return handlers[verb](ctx, request);
  }
}

function verbOf(method: string, named: boolean, watch: boolean): Verb {
  switch (method) {
    case "GET":
      return watch ? "watch" : named ? "get" : "list";
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return named ? "delete" : "deletecollection";
    default:
      throw methodNotAllowed();
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const UNPARSABLE = Symbol("unparsable body");

function parseBody(text: string, contentType = ""): unknown {
  if (text === "") return undefined;
  try {
    return contentType.includes("yaml") ? parseYaml(text) : JSON.parse(text);
  } catch {
    return UNPARSABLE;
  }
}
