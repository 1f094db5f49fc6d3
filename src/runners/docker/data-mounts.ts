import type { PreparedSource } from "../../data/prepared-source.js";
import { containerPath, RELATIVE_PATH_HINT, relativePathProblem } from "../container-path.js";
import { RunnerError } from "../runner.js";
import type { Mount } from "./container-spec.js";

/**
 * Read-only bind mounts that put each prepared source (data sets, or an inference server's
 * models: in the data cache or the user's own files, see `prepareDataSources`) at its `path`
 * in the container: a file at that file path, a folder at that folder.
 */
export function dataMounts(
  prepared: readonly PreparedSource[],
  options: { vars: Record<string, string>; field: string },
): Mount[] {
  return prepared.map(({ source, hostPath }, index) => {
    const target = containerPath(source.path, options.vars);
    if (target === undefined) {
      throw new RunnerError(relativePathProblem(`${options.field}[${index}].path`, source.path), {
        phase: "data",
        hint: RELATIVE_PATH_HINT,
      });
    }
    return { source: hostPath, target, readOnly: true };
  });
}
