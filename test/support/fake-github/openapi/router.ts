import type { OpenApiDocument, OpenApiOperation } from "./spec.js";

export interface RouteMatch {
  /** The path template as the OpenAPI document spells it, e.g. `/repos/{owner}/{repo}`. */
  template: string;
  operation: OpenApiOperation;
  /** Path parameters, percent-decoded, still strings. */
  pathParams: Record<string, string>;
}

interface CompiledPath {
  template: string;
  segments: Array<{ literal: string } | { param: string }>;
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

/** Matches request paths to operations the way GitHub's router does: literal segments win. */
export class OpenApiRouter {
  readonly #spec: OpenApiDocument;
  readonly #byLength = new Map<number, CompiledPath[]>();

  constructor(spec: OpenApiDocument) {
    this.#spec = spec;
    for (const template of Object.keys(spec.paths)) {
      const segments = template
        .split("/")
        .slice(1)
        .map((part) => {
          const param = /^\{([^}]+)\}$/.exec(part);
          return param ? { param: param[1]! } : { literal: part };
        });
      const list = this.#byLength.get(segments.length) ?? [];
      list.push({ template, segments });
      this.#byLength.set(segments.length, list);
    }
    for (const list of this.#byLength.values()) list.sort(bySpecificity);
  }

  /** `undefined` when no path template matches; `operation: undefined` when only the method is wrong. */
  match(method: string, pathname: string): { template: string; match?: RouteMatch } | undefined {
    const parts = pathname.replace(/\/+$/, "").split("/").slice(1);
    const verb = method.toLowerCase();
    let firstTemplate: string | undefined;
    for (const compiled of this.#byLength.get(parts.length) ?? []) {
      const pathParams = matchSegments(compiled, parts);
      if (!pathParams) continue;
      firstTemplate ??= compiled.template;
      const operation = HTTP_METHODS.has(verb) ? this.#spec.paths[compiled.template]?.[verb] : undefined;
      if (operation) {
        return { template: compiled.template, match: { template: compiled.template, operation, pathParams } };
      }
    }
    return firstTemplate === undefined ? undefined : { template: firstTemplate };
  }
}

function matchSegments(compiled: CompiledPath, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of compiled.segments.entries()) {
    const part = parts[i]!;
    if ("literal" in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      if (part === "") return undefined;
      params[segment.param] = safeDecode(part);
    }
  }
  return params;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function bySpecificity(a: CompiledPath, b: CompiledPath): number {
  for (let i = 0; i < a.segments.length; i++) {
    const aLiteral = "literal" in a.segments[i]! ? 0 : 1;
    const bLiteral = "literal" in b.segments[i]! ? 0 : 1;
    if (aLiteral !== bLiteral) return aLiteral - bLiteral;
  }
  return 0;
}
