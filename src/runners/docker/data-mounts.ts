import type { DataSource } from "../../descriptor/types.js";
import { containerPath, RELATIVE_PATH_HINT, relativePathProblem } from "../container-path.js";
import { locateDataSource, type Md5Cache } from "../local/data-sources.js";
import { RunnerError } from "../runner.js";
import type { Mount } from "./container-spec.js";

/**
 * Read-only bind mounts that put each source (data sets, or an inference server's models) at
 * its `path` in the container: a file at that file path, a folder at that folder. Sources are
 * found on this machine the way the local runner finds them (local paths and file:// URLs).
 */
export async function dataMounts(
  sources: DataSource[],
  options: { cwd: string; vars: Record<string, string>; md5Cache?: Md5Cache; field: string; what: string },
): Promise<{ mounts: Mount[]; notes: string[] }> {
  const mounts: Mount[] = [];
  const notes: string[] = [];
  for (const [index, source] of sources.entries()) {
    const n = index + 1;
    const target = containerPath(source.path, options.vars);
    if (target === undefined) {
      throw new RunnerError(relativePathProblem(`${options.field}[${index}].path`, source.path), {
        phase: "data",
        hint: RELATIVE_PATH_HINT,
      });
    }
    const located = await locateDataSource(source, n, {
      cwd: options.cwd,
      what: options.what,
      ...(options.md5Cache === undefined ? {} : { md5Cache: options.md5Cache }),
    });
    if (located.note !== undefined) notes.push(located.note);
    mounts.push({ source: located.target, target, readOnly: true });
  }
  return { mounts, notes };
}
