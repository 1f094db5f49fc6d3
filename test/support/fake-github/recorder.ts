import type { Problem } from "./openapi/validators.js";

/** One request the fake received and how it answered. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  path: string;
  /** OpenAPI operation it matched, when it matched one. */
  operationId?: string;
  /** Login of the token's user; absent for unauthenticated requests. */
  user?: string;
  /** Request headers; `authorization` is redacted to its scheme. */
  headers: Record<string, string>;
  body: unknown;
  status: number;
  /** Set when a fault answered instead of the handler. */
  fault?: string;
  /** Non-empty when the request broke GitHub's OpenAPI contract. */
  problems: Problem[];
}

/** A request that broke GitHub's contract: unknown path, bad parameter or body, bad headers. */
export interface Violation {
  request: string;
  status: number;
  problems: Problem[];
}

/** A response the fake produced that does not match GitHub's response schema: a bug in the fake. */
export interface SelfCheckFailure {
  operationId: string;
  status: number;
  problems: Problem[];
}
