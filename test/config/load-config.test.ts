import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_CONFIG, loadRepositoryConfig } from "../../src/config/index.js";

describe("loadRepositoryConfig", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "maat-config-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("uses the built-in defaults when the repository has no maat.toml", async () => {
    const config = await loadRepositoryConfig(root);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config.runners.default).toEqual(["self-hosted", "linux"]);
    expect(config.baselines.dir).toBe("baselines");
    expect(config.results.dir).toBe(".maat/results");
    expect(config.file).toBeUndefined();
  });

  it("reads maat.toml at the repository root", async () => {
    await writeFile(join(root, "maat.toml"), "[baselines]\nmax_runs = 7\n");
    const config = await loadRepositoryConfig(root);
    expect(config.baselines.maxRuns).toBe(7);
    expect(config.file).toBe("maat.toml");
  });

  it("fails when a config named explicitly does not exist", async () => {
    await expect(loadRepositoryConfig(root, { path: "ci/maat.toml" })).rejects.toThrow(ConfigError);
  });

  it("throws a ConfigError listing every problem with its position", async () => {
    await writeFile(join(root, "maat.toml"), "[compare]\nsigma = -1\nfdr = 2\n");
    const error = await loadRepositoryConfig(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.exitCode).toBe(2);
    expect(configError.problems.map((p) => p.field)).toEqual(["compare.sigma", "compare.fdr"]);
    expect(configError.message).toContain("maat.toml:2:1: compare.sigma: must be > 0");
    expect(configError.message).toContain("maat.toml:3:1: compare.fdr: must be <= 1");
  });
});
