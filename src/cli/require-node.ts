import { unsupportedNode } from "./node-version.js";

// Imported first by the CLI's entry, so it runs before any other module does.
const problem = unsupportedNode(process.versions.node);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}
