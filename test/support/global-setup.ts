// Runs once around the whole test run. Every test's temporary files go under one fresh folder
// (TMPDIR, inherited by child processes too), removed at the end whatever the tests did: a
// crashed or timed-out test cannot leave folders behind in the machine's /tmp.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), "maat-test-run-"));
  process.env.TMPDIR = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
  };
}
