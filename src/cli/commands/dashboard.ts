import path from "node:path";
import { policyFromConfig } from "../../compare/policy-from-config.js";
import { loadRepositoryConfig } from "../../config/index.js";
import { baselinesSource, buildSite, copyReceiptsIntoSite, withReceipts } from "../../dashboard/index.js";
import { findRepoRoot } from "../../descriptor/index.js";
import { UsageError } from "../../errors.js";
import { readResultsFolder } from "../../results/read-receipts.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";

const HELP = `maat dashboard: build a static site of every benchmark's history

Usage: maat dashboard --out DIR [--baselines DIR] [--results DIR]... [options]

Writes index.html (every benchmark and the verdict of its latest run) and one page per
benchmark: a chart per metric over dates or commits, the gate's band, change points,
regressions, a hardware key selector, and links from each run to its commit and receipt.
No server is needed: publish DIR as it is (GitHub Pages: .github/workflows/dashboard.yml).

Options:
  --out DIR              where the site goes (created; existing files are replaced)
  --baselines DIR        the baselines folder (default: baselines)
  --results DIR          also show the receipts in DIR (repeatable): runs not yet folded into
                         baselines, each linked to a copy of its receipt in the site
  --repository-url URL   link commits to URL/commit/<sha> (default: from GITHUB_SERVER_URL and
                         GITHUB_REPOSITORY on GitHub Actions)
  --title TEXT           the index page's title (default: Benchmarks)

Examples:
  maat dashboard --out site
  maat dashboard --out site --results .maat/results --repository-url https://github.com/acme/models`;

export const dashboardCommand: Command = {
  name: "dashboard",
  help: HELP,
  async run(context) {
    const { values } = parseCommandArgs("dashboard", context.argv, {
      out: { type: "string" },
      baselines: { type: "string" },
      results: { type: "string", multiple: true },
      "repository-url": { type: "string" },
      title: { type: "string" },
    });
    if (values.out === undefined) {
      throw new UsageError("dashboard: say where the site goes with --out DIR", {
        hint: "Run 'maat dashboard --help'.",
      });
    }
    const outDir = path.resolve(context.cwd, values.out);
    const repoRoot = findRepoRoot(context.cwd);
    const config = await loadRepositoryConfig(repoRoot);
    let source = baselinesSource(path.resolve(context.cwd, values.baselines ?? "baselines"));
    const receipts = [];
    for (const dir of values.results ?? [])
      receipts.push(...(await readResultsFolder(path.resolve(context.cwd, dir), context.cwd)));
    if (receipts.length > 0) {
      const files = receipts.map((r) => ({ ...r, file: path.resolve(context.cwd, r.file) }));
      source = withReceipts(source, await copyReceiptsIntoSite(outDir, files));
    }
    const repositoryUrl = values["repository-url"] ?? githubRepositoryUrl(context.env);
    const site = await buildSite({
      source,
      outDir,
      ...(values.title === undefined ? {} : { title: values.title }),
      ...(repositoryUrl === undefined ? {} : { repositoryUrl: repositoryUrl.replace(/\/+$/, "") }),
      policy: policyFromConfig(config),
    });
    const shown = path.relative(context.cwd, outDir) || ".";
    context.stdout.write(
      `Built ${shown}/index.html: ${site.benchmarks} benchmark${site.benchmarks === 1 ? "" : "s"}, ${site.runs} runs.\n`,
    );
    if (site.benchmarks === 0) {
      context.stderr.write("maat: no history yet; 'maat baseline update' folds receipts into baselines/\n");
    }
    return 0;
  },
};

function githubRepositoryUrl(env: Record<string, string | undefined>): string | undefined {
  if (!env.GITHUB_SERVER_URL || !env.GITHUB_REPOSITORY) return undefined;
  return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`;
}
