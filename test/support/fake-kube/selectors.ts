import { badRequest } from "./status.js";
import type { KubeObject, Labels } from "./types.js";

type Requirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!exists" };

/** A parsed `labelSelector`; matches every object when the selector is empty. */
export function parseLabelSelector(text: string | undefined): (labels: Labels | undefined) => boolean {
  const requirements = splitTopLevel(text ?? "").map(parseRequirement);
  return (labels = {}) => requirements.every((r) => matchesRequirement(r, labels));
}

/**
 * A parsed `fieldSelector`: `a.b=c`, `a.b==c`, `a.b!=c`, comma-separated, where `a.b` is a
 * dotted path into the object (`metadata.name`, `involvedObject.name`, `status.phase`).
 */
export function parseFieldSelector(text: string | undefined): (object: KubeObject) => boolean {
  const terms = splitTopLevel(text ?? "").map((term) => {
    const match = /^([^!=]+)(==|!=|=)(.*)$/.exec(term);
    if (!match) throw badRequest(`invalid field selector: ${term}`);
    return { path: match[1]!.trim().split("."), negate: match[2] === "!=", value: match[3]!.trim() };
  });
  return (object) =>
    terms.every((t) => {
      const actual = valueAt(object, t.path);
      const equal = (actual === undefined || actual === null ? "" : String(actual)) === t.value;
      return t.negate ? !equal : equal;
    });
}

/** A `LabelSelector` object (`matchLabels`, `matchExpressions`) as a predicate, as controllers use it. */
export function matchesLabelSelector(
  selector: {
    matchLabels?: Labels;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  },
  labels: Labels | undefined,
): boolean {
  const have = labels ?? {};
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => have[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every((e) => {
    const ops: Record<string, Requirement["op"]> = {
      In: "in",
      NotIn: "notin",
      Exists: "exists",
      DoesNotExist: "!exists",
    };
    const op = ops[e.operator] ?? "in";
    return matchesRequirement({ key: e.key, op, values: e.values ?? [] } as Requirement, have);
  });
  return byLabel && byExpression;
}

function valueAt(object: unknown, path: string[]): unknown {
  let node = object;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Splits on commas that are not inside `( )`, dropping empty parts. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function parseRequirement(term: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) {
    const values = set[3]!.split(",").map((v) => v.trim());
    return { key: set[1]!, op: set[2] as "in" | "notin", values };
  }
  const equality = /^([^!=\s]+)\s*(==|!=|=)\s*(\S*)$/.exec(term);
  if (equality) return { key: equality[1]!, op: equality[2] === "!=" ? "!=" : "=", value: equality[3]! };
  if (/^![^!=\s]+$/.test(term)) return { key: term.slice(1), op: "!exists" };
  if (/^[^!=\s(),]+$/.test(term)) return { key: term, op: "exists" };
  throw badRequest(`unable to parse requirement: ${term}`);
}

function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const value = labels[r.key];
  switch (r.op) {
    case "=":
      return value === r.value;
    case "!=":
      return value !== r.value;
    case "in":
      return value !== undefined && r.values.includes(value);
    case "notin":
      return value === undefined || !r.values.includes(value);
    case "exists":
      return value !== undefined;
    case "!exists":
      return value === undefined;
  }
}
