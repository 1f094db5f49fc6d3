import type { IncomingMessage, ServerResponse } from "node:http";
import { FaultInjector } from "./faults.js";
import { HANDLERS } from "./handlers/index.js";
import { commonHeaders, RateLimitCounter } from "./http/headers.js";
import { errorReply, type Reply } from "./http/reply.js";
import { OpenApiRouter } from "./openapi/router.js";
import { loadGitHubSpec } from "./openapi/spec.js";
import { OperationValidators, type Problem } from "./openapi/validators.js";
import type { RecordedRequest, SelfCheckFailure, Violation } from "./recorder.js";
import type { UserRecord } from "./records.js";
import type { FakeGitHubState } from "./state.js";

export const API_VERSION = "2022-11-28";

export interface ServerOptions {
  /** Validate every response against GitHub's response schema and record failures (default true). */
  selfCheck?: boolean;
  /** Count a request without `X-GitHub-Api-Version` as a violation (default false, as GitHub). */
  requireApiVersionHeader?: boolean;
}

interface Decision {
  reply?: Reply;
  hang?: boolean;
  delayMs?: number;
  operationId?: string;
  user?: UserRecord;
  problems: Problem[];
  fault?: string;
}

// One router and one validator cache per process: compiling is the expensive part.
let shared: { router: OpenApiRouter; validators: OperationValidators } | undefined;
function openApi() {
  if (!shared) {
    const spec = loadGitHubSpec();
    shared = { router: new OpenApiRouter(spec), validators: new OperationValidators(spec) };
  }
  return shared;
}

/** The request pipeline: authenticate, route, validate, inject faults, handle, self-check. */
export class FakeGitHubServer {
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly selfCheckFailures: SelfCheckFailure[] = [];
  readonly faults = new FaultInjector();
  readonly #rateLimit = new RateLimitCounter();
  readonly #state: FakeGitHubState;
  readonly #options: ServerOptions;
  baseUrl = "";

  constructor(state: FakeGitHubState, options: ServerOptions = {}) {
    this.#state = state;
    this.#options = options;
    openApi();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const url = new URL(req.url ?? "/", this.baseUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const decision = this.#decide(method, url, req.headers, text);
    const request: RecordedRequest = {
      method,
      url: url.pathname + url.search,
      path: url.pathname,
      headers: redact(req.headers),
      body: parseJson(text).value,
      status: decision.reply?.status ?? 0,
      problems: decision.problems,
      ...(decision.operationId && { operationId: decision.operationId }),
      ...(decision.user && { user: decision.user.login }),
      ...(decision.fault && { fault: decision.fault }),
    };
    this.requests.push(request);
    if (decision.problems.length > 0) {
      this.violations.push({
        request: `${method} ${request.url}`,
        status: request.status,
        problems: decision.problems,
      });
    }
    if (decision.hang) return; // left open on purpose; close() destroys it
    if (decision.delayMs) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    const reply = decision.reply ?? errorReply(500, "fake GitHub made no decision");
    const headers = { ...commonHeaders(), ...this.#rateLimit.headers(), ...reply.headers };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers).end();
    } else {
      res
        .writeHead(reply.status, { ...headers, "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify(reply.body));
    }
  }

  #decide(method: string, url: URL, headers: IncomingMessage["headers"], text: string): Decision {
    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(headers.authorization ?? "");
    if (!auth) {
      const message = headers.authorization ? "Bad credentials" : "Requires authentication";
      return {
        reply: errorReply(401, message),
        problems: [{ in: "header", field: "authorization", message }],
      };
    }
    const user = this.#state.userForToken(auth[1]!);
    const version = headers["x-github-api-version"];
    if (version !== undefined && version !== API_VERSION) {
      const message = `Invalid API version '${version}'; only ${API_VERSION} is pinned by Maat`;
      return {
        user,
        reply: errorReply(400, message),
        problems: [{ in: "header", field: "x-github-api-version", message }],
      };
    }
    const problems: Problem[] = [];
    if (version === undefined && this.#options.requireApiVersionHeader) {
      problems.push({
        in: "header",
        field: "x-github-api-version",
        message: "X-GitHub-Api-Version is not sent",
      });
    }
    const { router, validators } = openApi();
    const route = router.match(method, url.pathname);
    if (!route?.match) {
      const message = route
        ? `${method} is not an operation on ${route.template}`
        : `no operation matches ${url.pathname}`;
      return {
        user,
        reply: errorReply(404, "Not Found"),
        problems: [...problems, { in: "path", field: "", message }],
      };
    }
    const { operation, pathParams } = route.match;
    const operationId = operation.operationId;
    const body = parseJson(text);
    if (body.error) {
      return {
        user,
        operationId,
        reply: errorReply(400, "Problems parsing JSON"),
        problems: [...problems, { in: "body", field: "", message: body.error }],
      };
    }
    const checked = validators.checkRequest(operation, pathParams, url.searchParams, {
      present: text.length > 0,
      value: body.value,
    });
    problems.push(...checked.problems);
    if (checked.problems.length > 0) {
      const inPath = checked.problems.some((p) => p.in === "path");
      const reply = inPath
        ? errorReply(404, "Not Found")
        : errorReply(
            422,
            `Invalid request.\n\n${checked.problems.map((p) => `${p.in} ${p.message}`).join("\n")}`,
            {
              errors: checked.problems.map((p) => ({
                resource: p.in,
                field: p.field,
                code: "invalid",
                message: p.message,
              })),
            },
          );
      return { user, operationId, reply, problems };
    }
    const handler = HANDLERS.get(operationId);
    if (!handler) {
      const message = `${operationId} is a real GitHub operation the fake does not serve yet`;
      return {
        user,
        operationId,
        reply: errorReply(404, "Not Found"),
        problems: [...problems, { in: "path", field: "", message }],
      };
    }
    const fault = this.faults.take({ method, path: url.pathname, template: route.template, operationId });
    if (fault && "reply" in fault)
      return { user, operationId, reply: fault.reply, problems, fault: `${fault.reply.status}` };
    if (fault && "hang" in fault) return { user, operationId, hang: true, problems, fault: "hang" };
    const reply = handler({
      params: checked.params,
      body: body.value,
      user,
      url,
      apiUrl: this.baseUrl,
      state: this.#state,
    });
    if (fault && "afterHandling" in fault) {
      return {
        user,
        operationId,
        reply: fault.afterHandling,
        problems,
        fault: `${fault.afterHandling.status} after write`,
      };
    }
    if (
      this.#options.selfCheck !== false &&
      (reply.status < 400 || operation.responses[String(reply.status)])
    ) {
      const failures = validators.checkResponse(operation, reply.status, reply.body);
      if (failures.length > 0)
        this.selfCheckFailures.push({ operationId, status: reply.status, problems: failures });
    }
    return {
      user,
      operationId,
      reply,
      problems,
      ...(fault && "delayMs" in fault && { delayMs: fault.delayMs, fault: "slow" }),
    };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): { value: unknown; error?: string } {
  if (text.length === 0) return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { value: text, error: `body is not JSON: ${(error as Error).message}` };
  }
}

function redact(headers: IncomingMessage["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = name === "authorization" ? `${String(value).split(/\s+/)[0]} [redacted]` : String(value);
  }
  return out;
}
