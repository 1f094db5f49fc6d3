import path from "node:path";
import { loadRepositoryConfig, type RepositoryConfig } from "../config/index.js";
import { MaatError } from "../errors.js";
import { readResultsFolder } from "../results/read-receipts.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import { openResultsStore } from "../results/store/open-results-store.js";
import { pullResults } from "../results/store/pull-results.js";
import type { WorkflowContext } from "./workflow-context.js";

/** What the report and baseline steps start from: the repository config and this run's receipts. */
export async function loadStepInputs(
  context: WorkflowContext,
  options: {
    configPath: string;
    resultsDir: string;
    /** Pull this run's receipts from the results store first; undefined: when maat.toml names a store. */
    pullResults?: boolean | undefined;
    env?: Record<string, string | undefined>;
    reporter?: { info(message: string): void; warning(message: string): void };
  },
): Promise<{ root: string; config: RepositoryConfig; receipts: ResultReceipt[] }> {
  const root = context.workspace;
  const config = await loadRepositoryConfig(
    root,
    options.configPath !== "maat.toml" ? { path: options.configPath } : {},
  );
  if (options.pullResults ?? config.results.store !== undefined) {
    if (config.results.store === undefined) {
      throw new MaatError("pull-results needs a store: set store under [results] in maat.toml");
    }
    const store = await openResultsStore(config.results.store, {
      cwd: root,
      s3: config.s3,
      env: options.env ?? {},
    });
    const pulled = await pullResults(store, path.resolve(root, options.resultsDir), {
      commit: context.sha,
      ...(context.runUrl ? { workflowRunUrl: context.runUrl } : {}),
    });
    const count = pulled.filter((p) => p.outcome !== "skipped").length;
    options.reporter?.info(`${count} receipt(s) of this run from ${store.location}`);
  }
  const files = await readResultsFolder(path.resolve(root, options.resultsDir), root, {
    warn: (message) => options.reporter?.warning(message),
  });
  return { root, config, receipts: files.map((f) => f.receipt) };
}
