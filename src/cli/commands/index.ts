import type { Command } from "../command.js";
import { baselineCommand } from "./baseline.js";
import { compareCommand } from "./compare.js";
import { dashboardCommand } from "./dashboard.js";
import { detectCommand } from "./detect.js";
import { importCommand } from "./import.js";
import { planCommand } from "./plan.js";
import { renderCommand } from "./render.js";
import { resultsCommand } from "./results.js";
import { runCommand } from "./run.js";
import { validateCommand } from "./validate.js";

/** Every `maat` command, in the order `maat --help` lists them. */
export const commands: Command[] = [
  validateCommand,
  runCommand,
  resultsCommand,
  importCommand,
  compareCommand,
  baselineCommand,
  detectCommand,
  dashboardCommand,
  planCommand,
  renderCommand,
];
