import { badRequest, StatusError } from "./status.js";

type Json = unknown;

/**
 * Applies a PATCH body by its content type. Strategic merge and apply patches are applied as
 * JSON merge patches, which is what they do for the fields Maat sets (lists are replaced).
 */
export function applyPatch(target: Json, patch: Json, contentType: string): Json {
  const type = contentType.split(";")[0]!.trim();
  switch (type) {
    case "application/json-patch+json":
      if (!Array.isArray(patch)) throw badRequest("json patch must be an array of operations");
      return jsonPatch(target, patch as Operation[]);
    case "application/merge-patch+json":
    case "application/strategic-merge-patch+json":
    case "application/apply-patch+yaml":
      return mergePatch(target, patch);
    default:
      throw new StatusError(
        415,
        "UnsupportedMediaType",
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
      );
  }
}

/** RFC 7386: objects merge key by key, `null` deletes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, Json> =
    typeof target === "object" && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, Json>) }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

interface Operation {
  op: "add" | "remove" | "replace" | "test" | "copy" | "move";
  path: string;
  value?: Json;
  from?: string;
}

/** RFC 6902 for the operations clients send: add, remove, replace, test. */
function jsonPatch(target: Json, operations: Operation[]): Json {
  let doc = structuredClone(target);
  for (const op of operations) {
    const segments = op.path
      .split("/")
      .slice(1)
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    if (segments.length === 0) {
      if (op.op === "add" || op.op === "replace") doc = op.value;
      continue;
    }
    const last = segments.pop()!;
    let parent = doc as Record<string, Json> | Json[];
    for (const segment of segments) {
      const next = (parent as Record<string, Json>)[segment];
      if (typeof next !== "object" || next === null)
        throw badRequest(`json patch path not found: ${op.path}`);
      parent = next as Record<string, Json>;
    }
    if (op.op === "test") {
      if (JSON.stringify((parent as Record<string, Json>)[last]) !== JSON.stringify(op.value)) {
        throw new StatusError(
          422,
          "Invalid",
          `the server rejected our request due to an error in our request: test failed at ${op.path}`,
        );
      }
    } else if (Array.isArray(parent)) {
      const index = last === "-" ? parent.length : Number(last);
      if (op.op === "add") parent.splice(index, 0, op.value);
      else if (op.op === "remove") parent.splice(index, 1);
      else if (op.op === "replace") parent[index] = op.value;
    } else if (op.op === "remove") {
      delete parent[last];
    } else if (op.op === "add" || op.op === "replace") {
      parent[last] = op.value;
    } else {
      throw badRequest(`json patch operation "${op.op}" is not supported by fake-kube`);
    }
  }
  return doc;
}
