import os from "node:os";
import { type DataSettings, DEFAULT_DATA_SETTINGS, defaultCacheDir } from "../../data/data-settings.js";
import { prepareDataSources } from "../../data/prepare-data.js";
import { MaatError } from "../../errors.js";
import { type PreparedRun, type PrepareRequest, RunnerError } from "../runner.js";

/**
 * Fetches and verifies a benchmark's data sources, and its server's models for inference,
 * on this host. Any failure becomes a RunnerError of the `data` phase, so the run ends with
 * a receipt that says what went wrong.
 */
export async function prepareLocalData(
  request: PrepareRequest,
  settings: DataSettings | undefined,
): Promise<PreparedRun> {
  const resolved = settings ?? { ...DEFAULT_DATA_SETTINGS, cacheDir: defaultCacheDir({}, os.homedir()) };
  const options = {
    settings: resolved,
    cwd: request.cwd,
    env: request.env,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.report === undefined ? {} : { report: request.report }),
  };
  try {
    const data = await prepareDataSources(request.descriptor.data.sources, options);
    const models =
      request.descriptor.hardware.strategy === "inference"
        ? await prepareDataSources(request.descriptor.server?.models ?? [], options)
        : [];
    return { data, models };
  } catch (error) {
    if (error instanceof RunnerError || !(error instanceof MaatError)) throw error;
    throw new RunnerError(error.message, {
      phase: "data",
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      cause: error,
    });
  }
}
