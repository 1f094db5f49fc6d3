import { isMaatError } from "../errors.js";
import { MAAT_VERSION } from "../version.js";
import { type CommandContext, withArguments } from "./command.js";
import { commands } from "./commands/index.js";

const USAGE = `maat ${MAAT_VERSION}: benchmarking-as-code for machine-learning systems

Usage: maat <command> [options]

Commands:
{commands}

Run 'maat <command> --help' for a command's options and examples.

Exit codes: 0 success; 1 a benchmark failed or a regression was found; 2 usage or validation error.`;

/** The CLI's single place that turns errors into messages and exit codes. */
export async function runCli(context: CommandContext): Promise<number> {
  const [name, ...rest] = context.argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    context.stdout.write(`${renderUsage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    context.stdout.write(`${MAAT_VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    // Loaded only here: a typo is the rare path, startup is the common one.
    const { suggestClosest } = await import("../descriptor/suggest.js");
    const names = commands.map((c) => c.name);
    const closest = suggestClosest(name, names);
    const what = name.startsWith("-") ? `unknown option ${name}` : `unknown command "${name}"`;
    context.stderr.write(`maat: ${what}\n`);
    const hint = closest === undefined ? `Commands: ${names.join(", ")}.` : `Did you mean 'maat ${closest}'?`;
    context.stderr.write(`  hint: ${hint} Run 'maat --help' for the list.\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      context.stdout.write(`${command.help.trim()}\n`);
      return 0;
    }
    return await command.run(withArguments(context, rest));
  } catch (error) {
    return reportError(error, context);
  }
}

function renderUsage(): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return USAGE.replace("{commands}", list);
}

function reportError(error: unknown, context: CommandContext): number {
  if (isMaatError(error)) {
    context.stderr.write(`maat: ${error.message}\n`);
    if (error.hint) context.stderr.write(`  hint: ${error.hint}\n`);
    return error.exitCode;
  }
  // A bug in Maat, not in the user's input: say so, with the stack for the report.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  context.stderr.write(`maat: internal error, please report it with this output:\n${detail}\n`);
  return 70;
}
