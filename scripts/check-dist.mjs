// Fails when the committed dist/ differs from a fresh build of the sources.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const fresh = mkdtempSync(join(tmpdir(), "maat-dist-"));
try {
  execFileSync(process.execPath, ["scripts/build.mjs", "--outdir", fresh], { stdio: "inherit" });
  const stale = [];
  const names = new Set([...readdirSync(fresh), ...safeList("dist")]);
  for (const name of names) {
    const committed = safeRead(join("dist", name));
    const rebuilt = safeRead(join(fresh, name));
    if (committed === undefined || rebuilt === undefined || !committed.equals(rebuilt)) stale.push(name);
  }
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(", ")}): run 'npm run build' and commit dist/.`);
    process.exit(1);
  }
  console.log("dist/ matches a fresh build.");
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
