import { mkdir, rm, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { PreparedSource } from "../../data/prepared-source.js";
import { placementPath } from "../../data/safe-path.js";

export interface PlacedData {
  /** MAAT_DATA_DIR, MAAT_DATA_PATH_<n>, MAAT_DATA_<ID> (or MAAT_MODEL_* for server models). */
  env: Record<string, string>;
  /** Container path -> local path, for rewriting the benchmark's arguments. */
  replacements: Array<{ containerPath: string; localPath: string }>;
}

/**
 * Links prepared data under `<workDir>/<folder>/<container path>`. A container path like
 * /data/imagenet cannot be honoured outside a container, so the benchmark finds its data
 * through the MAAT_DATA_* variables or its rewritten arguments.
 */
export async function placeDataSources(
  prepared: readonly PreparedSource[],
  workDir: string,
  kind: "DATA" | "MODEL" = "DATA",
): Promise<PlacedData> {
  const folder = join(workDir, kind === "DATA" ? "data" : "models");
  const placed: PlacedData = { env: { [`MAAT_${kind}_DIR`]: folder }, replacements: [] };
  for (const [index, { source, hostPath }] of prepared.entries()) {
    const n = index + 1;
    const linkPath = join(folder, ...placementPath(source.src, source.path, `source-${n}`).split("/"));
    await mkdir(dirname(linkPath), { recursive: true });
    await rm(linkPath, { force: true, recursive: false }).catch(() => undefined);
    await symlink(hostPath, linkPath);
    placed.env[`MAAT_${kind}_PATH_${n}`] = linkPath;
    if (source.id !== undefined) placed.env[`MAAT_${kind}_${envName(source.id)}`] = linkPath;
    const containerPath = source.path.replace(/(.)\/+$/, "$1");
    if (containerPath !== "") placed.replacements.push({ containerPath, localPath: linkPath });
  }
  return placed;
}

/** "train-set.v2" -> "TRAIN_SET_V2". */
export function envName(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, "_");
}

/**
 * Rewrites every container path in `args` to its local path, longest path first, in one pass.
 * Only whole paths are rewritten: `/data/train` in `/data/train/x.tar`, not in `/data/train2`.
 */
export function rewriteDataPaths(args: string, replacements: PlacedData["replacements"]): string {
  if (replacements.length === 0) return args;
  const sorted = [...replacements].sort((a, b) => b.containerPath.length - a.containerPath.length);
  const byPath = new Map(sorted.map((r) => [r.containerPath, r.localPath]));
  const alternatives = sorted.map((r) => r.containerPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\w./-])(?:${alternatives.join("|")})(?=$|[/\\s"',:;=])`, "g");
  return args.replace(pattern, (found) => byPath.get(found) ?? found);
}
