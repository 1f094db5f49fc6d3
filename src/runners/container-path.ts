import { posix } from "node:path";

/** The home that `~` means in a container: root's, the user images run as unless they say otherwise. */
export const CONTAINER_HOME = "/root";

/**
 * Pure. Where a data source's `path` lands inside a container. `~/x` is the image's home
 * (`env.vars.HOME` when the descriptor sets it, else /root) plus `x`; absolute paths stay as
 * written, normalized. A relative path has no meaning in a container: undefined.
 *
 * Example: `containerPath("~/data/tf-imagenet/train", {})` is "/root/data/tf-imagenet/train".
 */
export function containerPath(path: string, vars: Record<string, string>): string | undefined {
  if (path === "~" || path.startsWith("~/")) {
    const home = vars.HOME?.startsWith("/") ? vars.HOME : CONTAINER_HOME;
    return posix.normalize(posix.join(home, path.slice(1)));
  }
  if (!path.startsWith("/")) return undefined;
  const normalized = posix.normalize(path);
  return normalized.length > 1 ? normalized.replace(/\/+$/, "") : normalized;
}

/** The message for a path `containerPath` refuses, naming the field. */
export function relativePathProblem(field: string, path: string): string {
  return `${field} = "${path}" is not an absolute path, so it names no place in a container`;
}

/** What to do about it. */
export const RELATIVE_PATH_HINT =
  'write an absolute path such as "/data/train", or "~/data/train" for the image\'s home (/root unless env.vars.HOME says otherwise)';
