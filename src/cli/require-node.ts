import { unsupportedNode } from "./node-version.js";

// Imported first by the CLI's entry: it runs before any command's code is loaded (only the few
// small modules it shares with the entry, which are plain on any Node.js, come earlier).
const problem = unsupportedNode(process.versions.node);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}
