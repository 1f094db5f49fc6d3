import { relative, resolve } from "node:path";
import { BaselineError } from "../../baselines/errors.js";
import { withFileLock } from "../../baselines/file-lock.js";
import { baselinePath, readBaselineFile, readBaselines, writeBaselineFile } from "../../baselines/files.js";
import { foldReceipts } from "../../baselines/fold-receipts.js";
import { resetBaseline } from "../../baselines/reset.js";
import { flagRegressions } from "../../compare/flag-regressions.js";
import { renderBaseline } from "../../compare/render-baseline.js";
import { UsageError } from "../../errors.js";
import { runGit } from "../../git/run-git.js";
import { readReceipts } from "../../results/read-receipts.js";
import { type Command, type CommandContext, withArguments } from "../command.js";
import { parseCommandArgs, positiveInteger, unknownSubcommand } from "../parse-command-args.js";

const HELP = `maat baseline <update|show|accept> [options]

Keeps the history of accepted runs per benchmark and hardware key in baselines/,
one JSON file per benchmark and hardware, reviewed and committed like code.

  maat baseline update <receipt>... [--baselines DIR] [--max-runs N] [--allow-dirty]
      Folds succeeded receipts into their baselines (idempotent: a receipt already
      there is not added twice). Failed runs, and runs measured on a checkout with
      uncommitted changes, are refused and listed, but the command still exits 0 so a
      scheduled job keeps the runs that did succeed.
      --max-runs N   history length; the oldest runs roll off (default 100)
      --allow-dirty  fold runs of a checkout with uncommitted changes too

  maat baseline show <benchmark> [--baselines DIR] [--json]
      Per hardware key: each metric's level and spread, and the recent runs.

  maat baseline accept <benchmark> --metric NAME --from-commit SHA --reason TEXT
                       [--by NAME] [--hardware SLUG] [--baselines DIR]
      Accepts a change of level: from the run of commit SHA on, NAME is compared
      with the new level only. Applies to every hardware key unless --hardware.
      --by defaults to $GITHUB_ACTOR or $USER.

Options common to all: --baselines DIR (default: ./baselines)

Exit codes: 0 done; 2 usage error or unreadable baseline/receipt.

Examples:
  maat baseline update .maat/results/
  maat baseline show resnet50-training
  maat baseline accept resnet50-training --metric throughput --from-commit 9f3e2ab \\
      --reason "fp32 accumulation for stability, 4% slower by design"`;

export const baselineCommand: Command = {
  name: "baseline",
  help: HELP,
  async run(context) {
    const [sub, ...argv] = context.argv;
    const subContext = withArguments(context, argv);
    if (sub === "update") return await update(subContext);
    if (sub === "show") return await show(subContext);
    if (sub === "accept") return await accept(subContext);
    if (sub === "reset") {
      throw new UsageError('baseline: there is no "reset"; "accept" records a new level of a metric', {
        hint: "maat baseline accept <benchmark> --metric M --from-commit SHA --reason R",
      });
    }
    throw unknownSubcommand("baseline", sub, ["update", "show", "accept"]);
  },
};

async function update(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("baseline update", context.argv, {
    baselines: { type: "string" },
    "max-runs": { type: "string" },
    "allow-dirty": { type: "boolean" },
  });
  if (positionals.length === 0)
    throw new UsageError("baseline update: name at least one receipt file or folder");
  const maxRuns = positiveInteger("max-runs", values["max-runs"]);
  const dir = baselinesDir(context, values.baselines);
  const receipts = (
    await readReceipts(positionals, context.cwd, { warn: (m) => context.stderr.write(`maat: ${m}\n`) })
  ).map((f) => f.receipt);
  // Regressions are kept in the history but flagged, so they never quietly become the new level.
  const regressions = await flagRegressions(dir, receipts);
  const report = await foldReceipts(dir, receipts, {
    ...(maxRuns === undefined ? {} : { maxRuns }),
    regressions,
    allowDirty: values["allow-dirty"] === true,
  });
  for (const [resultId, metrics] of regressions) {
    context.stderr.write(
      `maat: ${resultId} regressed on ${metrics.join(", ")}: kept out of the level until fixed or accepted\n`,
    );
  }
  const shown = (file: string) => relative(context.cwd, file) || file;
  for (const a of report.added) context.stdout.write(`added ${a.resultId} to ${shown(a.file)}\n`);
  for (const id of report.alreadyPresent) context.stdout.write(`already in its baseline: ${id}\n`);
  for (const r of report.rolledOff) context.stdout.write(`rolled off ${r.resultId} from ${shown(r.file)}\n`);
  for (const s of report.skippedMetrics) {
    context.stderr.write(`maat: left out ${s.metric} of ${s.resultId}: ${s.reason}\n`);
  }
  // Refused runs are visible but do not fail the job: the runs that succeeded still count.
  for (const r of report.refused) context.stderr.write(`maat: refused ${r.reason}\n`);
  const files = report.written.length;
  context.stdout.write(
    `${report.added.length} run(s) added, ${report.refused.length} refused; ${files} file(s) written.\n`,
  );
  return 0;
}

async function show(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("baseline show", context.argv, {
    baselines: { type: "string" },
    json: { type: "boolean" },
  });
  const benchmarkId = onlyBenchmark("baseline show", positionals);
  const baselines = await readBaselines(baselinesDir(context, values.baselines), benchmarkId);
  if (values.json) {
    context.stdout.write(`${JSON.stringify(baselines, null, 2)}\n`);
    return 0;
  }
  if (baselines.length === 0) {
    context.stdout.write(
      `No baseline for ${benchmarkId} yet. 'maat baseline update <receipts>' starts one.\n`,
    );
    return 0;
  }
  context.stdout.write(baselines.map((b) => renderBaseline(b)).join("\n"));
  return 0;
}

async function accept(context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs("baseline accept", context.argv, {
    baselines: { type: "string" },
    metric: { type: "string" },
    "from-commit": { type: "string" },
    reason: { type: "string" },
    by: { type: "string" },
    hardware: { type: "string" },
  });
  const benchmarkId = onlyBenchmark("baseline accept", positionals);
  const { metric, reason } = values;
  const fromCommit = values["from-commit"];
  if (!metric || !fromCommit || !reason) {
    throw new UsageError("baseline accept: --metric, --from-commit and --reason are required", {
      hint: "The reason is kept in the baseline file for reviewers: say why the new level is right.",
    });
  }
  await checkCommitExists(context.cwd, fromCommit);
  const dir = baselinesDir(context, values.baselines);
  const all = await readBaselines(dir, benchmarkId);
  const chosen = values.hardware === undefined ? all : all.filter((b) => b.hardware.slug === values.hardware);
  if (chosen.length === 0) {
    const known = all.map((b) => b.hardware.slug).join(", ") || "none";
    throw new BaselineError(
      `no baseline of ${benchmarkId}${values.hardware ? ` on ${values.hardware}` : ""}`,
      {
        hint: `Hardware keys with a baseline: ${known}.`,
      },
    );
  }
  const withMetric = chosen.filter((b) => metric in b.metrics);
  // Resetting a metric no chosen baseline has is a typo: let resetBaseline say which exist.
  const targets = withMetric.length > 0 ? withMetric : chosen.slice(0, 1);
  const by = values.by ?? context.env.GITHUB_ACTOR ?? context.env.USER ?? "unknown";
  const date = new Date().toISOString();
  for (const baseline of targets) {
    const file = baselinePath(dir, benchmarkId, baseline.hardware.slug);
    // Re-read under the lock: a concurrent update's runs must survive the reset.
    await withFileLock(file, async () => {
      const current = (await readBaselineFile(file)) ?? baseline;
      await writeBaselineFile(file, resetBaseline(current, { metric, fromCommit, by, reason, date }));
    });
    context.stdout.write(`accepted new level of ${metric} on ${baseline.hardware.slug} from ${fromCommit}\n`);
  }
  return 0;
}

function onlyBenchmark(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UsageError(`${command}: name exactly one benchmark id`, {
      hint: `Run 'maat baseline --help'.`,
    });
  }
  return positionals[0]!;
}

function baselinesDir(context: CommandContext, flag: string | undefined): string {
  return resolve(context.cwd, flag ?? "baselines");
}

/** A reset from a commit git does not know would cut the history at nothing: refuse it. */
async function checkCommitExists(cwd: string, commit: string): Promise<void> {
  if (!/^[0-9a-f]{7,40}$/i.test(commit)) {
    throw new UsageError(
      `baseline accept: --from-commit must be a commit SHA (7 to 40 hex digits), got "${commit}"`,
    );
  }
  try {
    await runGit(cwd, ["rev-parse", "--verify", "--quiet", `${commit}^{commit}`]);
  } catch {
    throw new UsageError(`baseline accept: commit ${commit} does not exist in this repository`, {
      hint: "run it inside the repository (fetch first when the commit is new), and check the SHA",
    });
  }
}
