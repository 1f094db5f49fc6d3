// Fails when the committed dist/ differs from a fresh build of the sources (every file, chunks too).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const fresh = mkdtempSync(join(tmpdir(), "maat-dist-"));
try {
  execFileSync(process.execPath, ["scripts/build.mjs", "--outdir", fresh], { stdio: "inherit" });
  const stale = [];
  const names = new Set([...listFiles(fresh), ...listFiles("dist")]);
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

/** Every file under `dir`, as paths relative to it; [] when it does not exist. */
function listFiles(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
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
