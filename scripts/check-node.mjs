// Runs before `npm test`: stops at once, with the version needed, on a Node.js older than
// package.json's engines.node (the suite otherwise fails minutes later on a missing API).
// Plain syntax on purpose: it must run on any Node.js old enough to need the message.
import { readFileSync } from "node:fs";

const engines = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).engines;
const minimum = Number((/>=\s*(\d+)/.exec(engines.node) || [])[1]);
const current = Number(process.versions.node.split(".")[0]);
if (!(current >= minimum)) {
  console.error(
    `Maat's tests need Node.js ${minimum} or newer (package.json engines.node "${engines.node}"); ` +
      `this is Node.js ${process.versions.node}. Install Node.js 24 (CI uses it: .ci/run), then run npm test again.`,
  );
  process.exit(1);
}
