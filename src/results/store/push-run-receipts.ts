import path from "node:path";
import type { RepositoryConfig } from "../../config/types.js";
import { MaatError } from "../../errors.js";
import { openResultsStore } from "./open-results-store.js";
import { type PushOutcome, pushResults } from "./push-results.js";

/**
 * After a run: pushes the receipts just written (already on local disk) to the configured
 * store. Never throws for a failed upload: it says which receipt stayed local and how to push
 * it later, through `warn`.
 */
export async function pushRunReceipts(
  config: RepositoryConfig,
  receiptPaths: readonly string[],
  options: {
    repoRoot: string;
    env: Record<string, string | undefined>;
    info: (message: string) => void;
    warn: (message: string) => void;
  },
): Promise<PushOutcome[]> {
  const location = config.results.store;
  if (location === undefined) {
    throw new MaatError("pushing results needs a store: set store under [results] in maat.toml", {
      hint: 'for example store = "s3://my-bucket/maat-results"',
    });
  }
  let outcomes: PushOutcome[];
  try {
    const store = await openResultsStore(location, {
      cwd: options.repoRoot,
      s3: config.s3,
      env: options.env,
    });
    outcomes = await pushResults(store, receiptPaths, { cwd: options.repoRoot });
  } catch (error) {
    if (!(error instanceof MaatError)) throw error;
    outcomes = receiptPaths.map((file) => ({
      resultId: path.basename(file),
      file,
      outcome: "failed",
      error: error.message,
    }));
  }
  for (const o of outcomes) {
    if (o.outcome === "failed") {
      options.warn(
        `pushing ${o.resultId} to ${location} failed: ${o.error}. The receipt is kept at ${path.relative(options.repoRoot, o.file) || o.file}; push it later with 'maat results push'.`,
      );
    } else options.info(`${o.resultId}: ${o.outcome === "stored" ? "pushed to" : "already in"} ${location}`);
  }
  return outcomes;
}
