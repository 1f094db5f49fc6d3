// Checks that this commit can be released as the version in package.json, then (with --tag)
// creates the tags: v<version> and the moving v<major> the README's `uses:` lines name.
// Usage: node scripts/release.mjs [--tag] [--root DIR]     (see docs/releasing.md)
// Pushing stays a deliberate step: the script prints the commands.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { tag: { type: "boolean", default: false }, root: { type: "string", default: "." } },
});
const root = values.root;
const read = (file) => readFileSync(join(root, file), "utf8");
const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();

const pkg = JSON.parse(read("package.json"));
const version = pkg.version;
const major = `v${version.split(".")[0]}`;
const tag = `v${version}`;
const problems = [];

// One version everywhere a user or a receipt sees it.
const lock = JSON.parse(read("package-lock.json"));
if (lock.version !== version || lock.packages?.[""]?.version !== version) {
  problems.push(`package-lock.json says ${lock.version}, package.json ${version}: run 'npm install'`);
}
const coded = /MAAT_VERSION = "([^"]+)"/.exec(read("src/version.ts"))?.[1];
if (coded !== version) problems.push(`src/version.ts says ${coded}, package.json ${version}`);
const changelog = read("CHANGELOG.md");
if (!new RegExp(`^## \\[${version.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m").test(changelog)) {
  problems.push(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move Unreleased there`);
}
// The README's workflow lines must name the moving major tag this release moves.
const uses = [...read("README.md").matchAll(/uses: ([\w.-]+\/maat)@(\S+)/g)];
for (const [line, , ref] of uses) {
  if (ref !== major) problems.push(`README.md has "${line}": releases move ${major}, so use @${major}`);
}
if (!/^branding:/m.test(read("action.yml")))
  problems.push("action.yml has no branding (the Marketplace needs it)");

// dist/ is what the action runs: it must be the build of this very commit.
if (!existsSync(join(root, "scripts/check-dist.mjs"))) problems.push("scripts/check-dist.mjs is missing");
else {
  try {
    execFileSync(process.execPath, ["scripts/check-dist.mjs"], { cwd: root, stdio: "pipe" });
  } catch (error) {
    problems.push(`dist/ is not a fresh build: ${String(error.stderr).trim() || "check-dist failed"}`);
  }
}
if (git("status", "--porcelain") !== "")
  problems.push("the working tree has uncommitted changes: commit them first");
if (git("tag", "--list", tag) !== "") problems.push(`tag ${tag} already exists: bump the version first`);

if (problems.length > 0) {
  console.error(`Cannot release ${tag}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
const commit = git("rev-parse", "--short", "HEAD");
if (!values.tag) {
  console.log(`Ready to release ${tag} (and move ${major}) at ${commit}. Run again with --tag to tag it.`);
  process.exit(0);
}
git("tag", "--annotate", tag, "--message", `Maat ${version}`);
git("tag", "--force", "--annotate", major, "--message", `Maat ${version} (moving ${major} tag)`, "HEAD");
console.log(`Tagged ${tag} and moved ${major} to ${commit}. Publish with:
  git push origin ${tag}
  git push --force origin ${major}
  npm publish        # from CI with provenance: see docs/releasing.md`);
