import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, makeProject } from "./harness.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("maat dashboard", () => {
  it("builds a site from baselines folded from real runs, plus receipts not folded yet", async () => {
    const dir = makeProject();
    dirs.push(dir);
    for (let i = 0; i < 3; i++) {
      const ran = await cli(dir, [
        "run",
        "benchmarks/hello-world",
        "--quiet",
        "--results-dir",
        ".maat/history",
        "--repetitions",
        "2",
        "--warmup",
        "0",
      ]);
      expect(ran.code, ran.err).toBe(0);
    }
    expect((await cli(dir, ["baseline", "update", ".maat/history"])).code).toBe(0);
    const fresh = await cli(dir, [
      "run",
      "benchmarks/hello-world",
      "--quiet",
      "--json",
      "--repetitions",
      "2",
      "--warmup",
      "0",
    ]);
    const receipt = JSON.parse(fresh.out).runs[0].receipt as string;

    const built = await cli(
      dir,
      ["dashboard", "--out", "site", "--results", ".maat/results", "--title", "Hello"],
      {
        GITHUB_SERVER_URL: "https://github.example",
        GITHUB_REPOSITORY: "acme/models",
      },
    );
    expect(built.code, built.err).toBe(0);
    expect(built.out).toBe("Built site/index.html: 1 benchmark, 4 runs.\n");
    const index = readFileSync(path.join(dir, "site/index.html"), "utf8");
    expect(index).toContain('<a href="benchmarks/hello-world.html">hello-world</a>');
    const data = readFileSync(path.join(dir, "site/data/hello-world.js"), "utf8");
    const page = JSON.parse(data.replace(/^window\.MAAT_BENCHMARK = /, "").replace(/;\n$/, ""));
    expect(page.repositoryUrl).toBe("https://github.example/acme/models");
    const runs = page.hardware[0].runs;
    expect(runs.resultId).toHaveLength(4);
    // Folded runs have no receipt in the site; the unfolded one links to its copy.
    const resultId = JSON.parse(readFileSync(path.join(dir, receipt), "utf8")).resultId;
    const linked = runs.receipt[runs.resultId.indexOf(resultId)];
    expect(linked).toBe(`../receipts/${resultId}.json`);
    expect(existsSync(path.join(dir, "site/benchmarks", linked))).toBe(true);
    for (const asset of ["dashboard.js", "dashboard.css", "uPlot.min.css"]) {
      expect(existsSync(path.join(dir, "site/assets", asset))).toBe(true);
    }
  });

  it("says where the site goes, and that there is nothing to show yet", async () => {
    const dir = makeProject();
    dirs.push(dir);
    const missing = await cli(dir, ["dashboard"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("say where the site goes with --out DIR");
    const empty = await cli(dir, ["dashboard", "--out", "site"]);
    expect(empty.code).toBe(0);
    expect(empty.err).toContain("no history yet");
  });
});
