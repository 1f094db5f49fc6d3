// First: stop on an unsupported Node.js before any other module runs; then keep compiled code.
import "./require-node.js";
import "./compile-cache.js";
import { runCli } from "./run-cli.js";

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
  stdout: process.stdout,
  stderr: process.stderr,
  colors: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  signal: controller.signal,
});
