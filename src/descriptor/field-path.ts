/** A step into a parsed descriptor: a key of a table or an index of an array. */
export type Segment = string | number;

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * Renders a path the way a user would write it in TOML: `output.metrics[1].pattern`,
 * quoting keys that are not bare (`env.vars."1 BAD"`).
 */
export function formatFieldPath(segments: readonly Segment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
      continue;
    }
    const key = BARE_KEY.test(segment) ? segment : JSON.stringify(segment);
    out += out === "" ? key : `.${key}`;
  }
  return out;
}

/** Stable map key for a path (keys and indexes kept apart). */
export function pathKey(segments: readonly Segment[]): string {
  return JSON.stringify(segments);
}
