import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CONFIG } from "../../src/config/defaults.js";
import type { RepositoryConfig } from "../../src/config/types.js";
import { DEFAULT_DATA_SETTINGS } from "../../src/data/data-settings.js";
import type { Descriptor } from "../../src/descriptor/types.js";
import { createDockerCli, createDockerRunner } from "../../src/runners/docker/index.js";
import type { RepetitionRequest, Runner } from "../../src/runners/runner.js";
import { makeBenchmark } from "../runners/fixture.js";

/** Docker settings for tests: no network for single containers, a short stop grace. */
export function testDockerConfig(
  overrides: Partial<RepositoryConfig["docker"]> = {},
): RepositoryConfig["docker"] {
  return { ...DEFAULT_CONFIG.docker, network: "none", stopGraceMs: 1000, ...overrides };
}

/** A throwaway "repository" with a benchmark folder; the runner mounts it as the checkout. */
export interface Repo {
  root: string;
  benchDir: string;
  write(relative: string, content: string): Promise<string>;
  request(descriptor: Descriptor, name?: string, extra?: Partial<RepetitionRequest>): RepetitionRequest;
  runner(overrides?: Partial<RepositoryConfig["docker"]>, isGit?: boolean): Runner;
  remove(): Promise<void>;
}

export async function makeRepo(): Promise<Repo> {
  const root = await mkdtemp(join(tmpdir(), "maat-docker-repo-"));
  const benchDir = join(root, "benchmarks", "bench");
  await mkdir(benchDir, { recursive: true });
  const outside = await mkdtemp(join(tmpdir(), "maat-docker-out-"));
  return {
    root,
    benchDir,
    async write(relative, content) {
      const path = join(root, relative);
      await mkdir(join(path, ".."), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    request: (descriptor, name = "rep-1", extra = {}) => ({
      descriptor,
      cwd: benchDir,
      logFile: join(outside, `${name}.log`),
      workDir: join(outside, `${name}.work`),
      env: { PATH: process.env.PATH },
      ...extra,
    }),
    runner: (overrides = {}, isGit = true) =>
      createDockerRunner({
        cli: createDockerCli("docker", process.env),
        docker: testDockerConfig(overrides),
        checkout: { root, isGit, commit: "0123456789abcdef0123456789abcdef01234567", dirty: false },
        // Downloads land in a cache of this repository's own, removed with it.
        data: { ...DEFAULT_DATA_SETTINGS, cacheDir: join(root, ".cache") },
        readinessAllowanceProbes: 600,
      }),
    async remove() {
      await rm(root, { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    },
  };
}

/** A benchmark of the test image that runs `code` (a shell command line) in its folder. */
export function containerBenchmark(
  image: string,
  code: string | undefined,
  options: Parameters<typeof makeBenchmark>[1] & { id?: string } = {},
): Descriptor {
  const descriptor = makeBenchmark(code, options);
  return {
    ...descriptor,
    id: options.id ?? "docker-bench",
    path: "benchmarks/bench/descriptor.toml",
    env: { ...descriptor.env, dockerImage: image, extendedShm: false },
  };
}
