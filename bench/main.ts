// `npm run bench`: runs every suite and prints one table. Targets are reported, not asserted.
import { markdownTable } from "markdown-table";
import { cell } from "../src/markdown/escape.js";
import type { BenchRow, BenchSuite } from "./row.js";
import { suites } from "./suites/index.js";

const only = process.argv.slice(2);
const selected: BenchSuite[] = only.length > 0 ? suites.filter((s) => only.includes(s.name)) : suites;
const rows: BenchRow[] = [];
for (const suite of selected) {
  process.stderr.write(`bench: ${suite.name} ...\n`);
  rows.push(...(await suite.run()));
}
const table = markdownTable(
  [
    ["suite", "case", "value", "reference", "ratio", "target", "met"],
    ...rows.map((r) => [
      r.suite,
      r.case,
      r.value,
      r.reference,
      r.ratio === null ? "-" : `${r.ratio.toFixed(2)}x`,
      r.target,
      r.met === null ? "-" : r.met ? "yes" : "NO",
    ]),
  ].map((row) => row.map(cell)),
);
process.stdout.write(`${table}\n`);
