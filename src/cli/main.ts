// First: stop on an unsupported Node.js before any other module runs; then keep compiled code.
import "./require-node.js";
import "./compile-cache.js";
import { runCli } from "./run-cli.js";
import { standardOutput } from "./standard-output.js";

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\nmaat: ${signal} received, stopping (again to force)...\n`);
    controller.abort(new Error(`${signal} received`));
  });
}

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: standardOutput(),
  // Made when first written or asked about: making the stream loads Node's stream modules.
  get stderr() {
    return process.stderr;
  },
  get colors() {
    return Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  },
  signal: controller.signal,
});
