import { suggestClosest } from "../descriptor/suggest.js";
import type { Descriptor } from "../descriptor/types.js";
import { PlanError } from "./plan-error.js";
import { normalizePath } from "./select-changed.js";
import type { Selection } from "./selection.js";

/**
 * Descriptors named by a manual dispatch, by id or path, or all of them for "all".
 * Every unknown name is reported at once, each with the nearest known id or path.
 */
export function selectDispatched(descriptors: Descriptor[], names: string[]): Selection {
  const selection: Selection = { selected: new Map(), skipped: new Map(), notes: [] };
  const wanted = names.map((n) => n.trim()).filter((n) => n !== "");
  if (wanted.some((n) => n.toLowerCase() === "all")) {
    for (const d of descriptors) selection.selected.set(d.id, "requested: all");
    return selection;
  }
  if (wanted.length === 0) {
    throw new PlanError("the manual run names no benchmark", {
      hint: 'name descriptor ids or paths, or "all"',
    });
  }
  const unknown: string[] = [];
  for (const name of wanted) {
    const found = descriptors.filter((d) => d.id === name || normalizePath(d.path) === normalizePath(name));
    if (found.length === 0) unknown.push(name);
    for (const d of found) selection.selected.set(d.id, `requested: \`${name}\``);
  }
  if (unknown.length > 0) {
    const known = descriptors.flatMap((d) => [d.id, d.path]);
    const ids = descriptors.map((d) => d.id).sort();
    const listed =
      ids.length > 10 ? `${ids.slice(0, 10).join(", ")}, ... (${ids.length} in all)` : ids.join(", ");
    // Only a near miss is worth suggesting; anything else gets the list of ids.
    const suggestions = unknown.map((name) => {
      const close = suggestClosest(name, known);
      if (close !== undefined) return `\`${name}\`: did you mean \`${close}\`?`;
      return known.length === 0
        ? `\`${name}\`: no descriptors found`
        : `\`${name}\`: known ids are ${listed}`;
    });
    throw new PlanError(
      `unknown benchmark${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `\`${n}\``).join(", ")}`,
      {
        hint: suggestions.join("; "),
      },
    );
  }
  for (const d of descriptors)
    if (!selection.selected.has(d.id)) selection.skipped.set(d.id, "not requested");
  return selection;
}
