import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
const npm = (args: string[], cwd = repoRoot) =>
  execFileSync("npm", [...args, "--no-update-notifier", "--no-audit", "--no-fund"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_loglevel: "error" },
  });

const scratch = mkdtempSync(path.join(tmpdir(), "maat-pack-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the npm package", () => {
  it("is named maat-bench and carries what a registry and provenance need", () => {
    expect(pkg).toMatchObject({
      name: "maat-bench",
      license: "Apache-2.0",
      engines: { node: ">=22" },
      bin: { maat: "dist/cli.js", "maat-bench": "dist/cli.js" },
      repository: { type: "git", url: "git+https://github.com/maat-dev/maat.git" },
      bugs: { url: "https://github.com/maat-dev/maat/issues" },
      publishConfig: { access: "public", provenance: true },
    });
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/maat-dev\/maat/);
    expect(pkg.keywords).toContain("benchmark");
    // dist/ is bundled: installing the CLI pulls in nothing else.
    expect(pkg.dependencies).toBeUndefined();
  });

  it("ships dist/, schema/, clients/, action.yml, README, LICENSE and CHANGELOG, and no sources or tests", () => {
    const [report] = JSON.parse(npm(["pack", "--dry-run", "--json"]));
    const files: string[] = report.files.map((f: { path: string }) => f.path).sort();
    for (const required of [
      "dist/cli.js",
      "dist/action.js",
      "schema/descriptor.schema.json",
      "schema/config.schema.json",
      "schema/receipt.schema.json",
      "clients/python/maat_emit.py",
      "clients/node/maat-emit.mjs",
      "action.yml",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "package.json",
    ]) {
      expect(files, required).toContain(required);
    }
    const stray = files.filter((f) =>
      /^(src|test|bench|scripts|benchmarks|docs|\.ci|\.github)\/|__pycache__/.test(f),
    );
    expect(stray).toEqual([]);
  });

  it("installs from its tarball with npm install -g, offline, and gives the maat and maat-bench commands", () => {
    const output = npm(["pack", "--json", "--pack-destination", scratch]);
    const tarball = path.join(scratch, JSON.parse(output)[0].filename);
    const prefix = path.join(scratch, "prefix");
    npm(["install", "--global", "--offline", "--prefix", prefix, tarball], scratch);
    for (const command of ["maat", "maat-bench"]) {
      const version = execFileSync(path.join(prefix, "bin", command), ["--version"], { encoding: "utf8" });
      expect(version.trim()).toBe(pkg.version);
    }
    const help = execFileSync(path.join(prefix, "bin", "maat"), ["--help"], { encoding: "utf8" });
    expect(help).toContain("Usage: maat <command>");
    // A command loads its code (and its bundled dependencies) from the installed package alone.
    const project = path.join(scratch, "project");
    mkdirSync(path.join(project, ".git"), { recursive: true });
    cpSync(path.join(repoRoot, "benchmarks/hello-world"), path.join(project, "benchmarks/hello-world"), {
      recursive: true,
    });
    const validate = execFileSync(path.join(prefix, "bin", "maat"), ["validate"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(validate).toBe("1 descriptor valid, 0 invalid\n");
  }, 180_000);
});
