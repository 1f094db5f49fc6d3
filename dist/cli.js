#!/usr/bin/env node
import { createRequire as __maatCreateRequire } from "node:module";
const require = __maatCreateRequire(import.meta.url);

// src/errors.ts
var MaatError = class extends Error {
  hint;
  /** Process exit code when this error ends a command: 1 benchmark/regression, 2 usage/validation. */
  exitCode;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
  }
};

// src/version.ts
var MAAT_VERSION = "0.1.0";

// src/cli/commands/index.ts
var commands = [];

// src/cli/run-cli.ts
var USAGE = `maat ${MAAT_VERSION}: benchmarking-as-code for machine-learning systems

Usage: maat <command> [options]

Commands:
{commands}

Run 'maat <command> --help' for a command's options and examples.

Exit codes: 0 success; 1 a benchmark failed or a regression was found; 2 usage or validation error.`;
async function runCli(context) {
  const [name, ...rest] = context.argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    context.stdout.write(`${renderUsage()}
`);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    context.stdout.write(`${MAAT_VERSION}
`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === void 0) {
    context.stderr.write(`maat: unknown command "${name}". Run 'maat --help' for the list.
`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    context.stdout.write(`${command.help.trim()}
`);
    return 0;
  }
  try {
    return await command.run({ ...context, argv: rest });
  } catch (error) {
    return reportError(error, context);
  }
}
function renderUsage() {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return USAGE.replace("{commands}", list);
}
function reportError(error, context) {
  if (error instanceof MaatError) {
    context.stderr.write(`maat: ${error.message}
`);
    if (error.hint) context.stderr.write(`  hint: ${error.hint}
`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  context.stderr.write(`maat: internal error, please report it with this output:
${detail}
`);
  return 70;
}

// src/cli/main.ts
var controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`
maat: ${signal} received, stopping (again to force)...
`);
    controller.abort(new Error(`${signal} received`));
  });
}
process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  colors: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  signal: controller.signal
});
