import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { readBaselines } from "../../baselines/files.js";
import { compareReceiptsByBenchmark } from "../../compare/compare-receipts.js";
import { gateFailures } from "../../compare/gate.js";
import { historyRunsNeeded } from "../../compare/history-window.js";
import { renderComparisonMarkdown } from "../../compare/render-markdown.js";
import { renderComparisonTable } from "../../compare/render-table.js";
import { UsageError } from "../../errors.js";
import { newestPerBenchmark } from "../../results/newest-receipts.js";
import { readReceipts } from "../../results/read-receipts.js";
import type { ResultReceipt } from "../../results/receipt-types.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs, positiveNumber, ratio } from "../parse-command-args.js";
import { compareTrends } from "./compare-trends.js";

const HELP = `maat compare <receipt>... [options]

Weighs result receipts against the baselines of their benchmark on the same hardware
and prints one verdict per metric: regression, improvement, unchanged, inconclusive,
no-baseline, failed or incomparable (the metric's unit, direction or aggregate changed
since its baseline). Results are never compared across hardware keys, and a descriptor
changed since the baseline is reported with the fields that changed.

Arguments:
  <receipt>...              receipt files, or folders searched for *.json receipts (.maat/results/);
                            from a folder, only the newest receipt of each benchmark is compared

Options:
  --all                     compare every receipt found in the folders, not only the newest
  --baselines DIR           baselines folder (default: ./baselines)
  --json                    print the comparison report as JSON
  --markdown                print the verdict table as Markdown
  --no-fail-on-regression   exit 0 even when a metric regressed
  --no-fail-on-incomparable exit 0 even when a metric's meaning (unit, direction, aggregate)
                            changed since its baseline
  --sigma N                 robust sigmas needed to call a change (default 3; overrides descriptors)
  --min-effect R            smallest relative change to call, 0.02 or 2% (default 2%; overrides descriptors)

Exit codes: 0 no regression; 1 a regression, an incomparable metric, a metric the baseline has
that the run no longer measures, or a run that failed; 2 usage error or unreadable input.

Examples:
  maat compare .maat/results/
  maat compare .maat/history/ --all
  maat compare .maat/results/resnet50-training/ --baselines ci/baselines --markdown
  maat compare receipt.json --json --no-fail-on-regression`;

export const compareCommand: Command = {
  name: "compare",
  help: HELP,
  async run(context) {
    const { values, positionals } = parseCommandArgs("compare", context.argv, {
      baselines: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      "fail-on-regression": { type: "boolean", default: true },
      "fail-on-incomparable": { type: "boolean", default: true },
      sigma: { type: "string" },
      "min-effect": { type: "string" },
      all: { type: "boolean" },
    });
    if (positionals.length === 0) {
      throw new UsageError("compare: name at least one receipt file or folder", {
        hint: "Run 'maat compare --help'.",
      });
    }
    if (values.json && values.markdown) throw new UsageError("compare: choose one of --json and --markdown");
    const sigma = positiveNumber("sigma", values.sigma);
    const minEffect = ratio("min-effect", values["min-effect"]);

    const receipts = uniqueByResultId(await receiptsToCompare(positionals, context, values.all === true));
    if (receipts.length === 0) {
      throw new UsageError(`compare: no receipts found in ${positionals.join(", ")}`, {
        hint: "Run 'maat run' first; it writes receipts under .maat/results/.",
      });
    }
    const baselinesDir = resolve(context.cwd, values.baselines ?? "baselines");
    // Flags given on the command line win over the descriptors' own thresholds.
    const thresholds = {
      ...(sigma === undefined ? {} : { sigma }),
      ...(minEffect === undefined ? {} : { minEffect }),
    };
    const table = !values.json && !values.markdown;
    const trends = table ? compareTrends() : undefined;
    const report = await compareReceiptsByBenchmark(
      receipts,
      (id) => readBaselines(baselinesDir, id, { recentRuns: historyRunsNeeded() }),
      thresholds,
      { thresholds, ...(trends === undefined ? {} : { onBenchmark: trends.collect }) },
    );

    if (values.json) context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (values.markdown) context.stdout.write(renderComparisonMarkdown(report));
    else context.stdout.write(renderComparisonTable(report, { colors: context.colors, trend: trends?.cell }));

    const failures = gateFailures(report, {
      failOnRegression: values["fail-on-regression"] !== false,
      failOnIncomparable: values["fail-on-incomparable"] !== false,
    });
    for (const failure of failures) context.stderr.write(`maat: ${failure}\n`);
    return failures.length > 0 ? 1 : 0;
  },
};

/**
 * Receipts named as files, and from each folder the newest receipt per benchmark (every
 * receipt with `all`); says on stderr how many older ones were left out.
 */
async function receiptsToCompare(paths: string[], context: CommandContext, all: boolean) {
  const receipts: ResultReceipt[] = [];
  let older = 0;
  for (const path of paths) {
    const warn = (message: string) => context.stderr.write(`maat: ${message}\n`);
    const found = (await readReceipts([path], context.cwd, { warn })).map((f) => f.receipt);
    const isFolder = (await stat(resolve(context.cwd, path))).isDirectory();
    if (all || !isFolder) {
      receipts.push(...found);
      continue;
    }
    const picked = newestPerBenchmark(found);
    receipts.push(...picked.newest);
    older += picked.older;
  }
  if (older > 0) {
    context.stderr.write(
      `maat: comparing the newest receipt of each benchmark; ${older} older receipt(s) left out (--all compares them too)\n`,
    );
  }
  return receipts;
}

/** The same receipt named twice (a file and its folder) is compared once. */
function uniqueByResultId(receipts: ResultReceipt[]): ResultReceipt[] {
  const seen = new Set<string>();
  const unique: ResultReceipt[] = [];
  for (const receipt of receipts) {
    if (seen.has(receipt.resultId)) continue;
    seen.add(receipt.resultId);
    unique.push(receipt);
  }
  return unique;
}
