import path from "node:path";
import { loadRepositoryConfig, type RepositoryConfig } from "../config/index.js";
import { readResultsFolder } from "../results/read-receipts.js";
import type { ResultReceipt } from "../results/receipt-types.js";
import type { WorkflowContext } from "./workflow-context.js";

/** What the report and baseline steps start from: the repository config and this run's receipts. */
export async function loadStepInputs(
  context: WorkflowContext,
  options: { configPath: string; resultsDir: string; reporter?: { warning(message: string): void } },
): Promise<{ root: string; config: RepositoryConfig; receipts: ResultReceipt[] }> {
  const root = context.workspace;
  const config = await loadRepositoryConfig(
    root,
    options.configPath !== "maat.toml" ? { path: options.configPath } : {},
  );
  const files = await readResultsFolder(path.resolve(root, options.resultsDir), root, {
    warn: (message) => options.reporter?.warning(message),
  });
  return { root, config, receipts: files.map((f) => f.receipt) };
}
