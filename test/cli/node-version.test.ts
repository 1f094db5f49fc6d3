import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIN_NODE_MAJOR, unsupportedNode } from "../../src/cli/node-version.js";
import { repoRoot } from "./harness.js";

const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));

/** A Node.js older than Maat supports: $MAAT_TEST_OLD_NODE, .ci/run's .tools/node20, or /usr/bin/node. */
function oldNode(): string | undefined {
  const candidates = [
    process.env.MAAT_TEST_OLD_NODE,
    path.join(repoRoot, ".tools/node20/node_modules/.bin/node"),
    "/usr/bin/node",
  ];
  for (const candidate of candidates) {
    if (candidate === undefined || !existsSync(candidate)) continue;
    const version = execFileSync(candidate, ["--version"], { encoding: "utf8" }).trim();
    if (unsupportedNode(version) !== undefined) return candidate;
  }
  return undefined;
}

describe("the Node.js version check", () => {
  it("accepts the versions engines.node names and refuses older ones, saying which is needed", () => {
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_MAJOR}`);
    expect(unsupportedNode("22.0.0")).toBeUndefined();
    expect(unsupportedNode("v24.11.1")).toBeUndefined();
    expect(unsupportedNode("20.11.1")).toBe(
      "maat needs Node.js 22 or newer; this is Node.js 20.11.1. Install a current release from https://nodejs.org (or run 'nvm install 24'), then try again.",
    );
  });

  it("runs before npm test and first in the CLI's entry", () => {
    expect(pkg.scripts.pretest).toBe("node scripts/check-node.mjs");
    const entry = readFileSync(path.join(repoRoot, "src/cli/main.ts"), "utf8");
    expect(entry.split("\n").find((line) => line.startsWith("import"))).toBe('import "./require-node.js";');
  });

  const old = oldNode();
  it.skipIf(old === undefined)(
    old === undefined
      ? "SKIPPED: no Node.js older than 22 here (set MAAT_TEST_OLD_NODE; .ci/run installs one)"
      : `on ${old}, the CLI and the test run stop at once with the version needed`,
    () => {
      const cli = spawnSync(old!, [path.join(repoRoot, "dist/cli.js"), "validate"], { encoding: "utf8" });
      expect(cli.status).toBe(2);
      expect(cli.stdout).toBe("");
      expect(cli.stderr).toMatch(/^maat needs Node\.js 22 or newer; this is Node\.js \d+\.\d+\.\d+\. /);
      const tests = spawnSync(old!, [path.join(repoRoot, "scripts/check-node.mjs")], { encoding: "utf8" });
      expect(tests.status).toBe(1);
      expect(tests.stderr).toMatch(/^Maat's tests need Node\.js 22 or newer/);
    },
  );

  it("lets the current Node.js through", () => {
    const tests = spawnSync(process.execPath, [path.join(repoRoot, "scripts/check-node.mjs")], {
      encoding: "utf8",
    });
    expect(tests.status, tests.stderr).toBe(0);
  });
});
