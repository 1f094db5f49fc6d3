import { describe, expect, it } from "vitest";
import { benchmarkEnvironment, createSecretMasker } from "../../src/runners/benchmark-environment.js";

// Issue 10, item 5: the environment rule, and masking that survives chunk boundaries.
describe("benchmarkEnvironment", () => {
  const env = {
    PATH: "/usr/bin",
    HOME: "/home/ci",
    CUDA_VISIBLE_DEVICES: "0",
    CONDA_PREFIX: "/opt/conda",
    PYTHONPATH: "/src",
    GITHUB_TOKEN: "ghs_xxxx1",
    ACTIONS_RUNTIME_TOKEN: "rt_xxxx2",
    "INPUT_GITHUB-TOKEN": "ghs_xxxx3",
    AWS_SECRET_ACCESS_KEY: "aws_xxxx4",
    NPM_TOKEN: "npm_xxxx5",
    DB_PASSWORD: "pw_xxxx6",
    HF_TOKEN: "hf_xxxx7",
    SLOWDOWN: "2",
    TOKENIZERS_PARALLELISM: "false",
    GIT_AUTHOR_NAME: "Ada Lovelace",
  };

  it("in CI keeps toolchain variables and drops credentials; pass_env and drop_env adjust it", () => {
    const {
      env: passed,
      dropped,
      secrets,
    } = benchmarkEnvironment(env, {
      mode: "ci",
      passEnv: ["HF_TOKEN"],
      dropEnv: ["SLOW*"],
    });
    expect(Object.keys(passed).sort()).toEqual([
      "CONDA_PREFIX",
      "CUDA_VISIBLE_DEVICES",
      "GIT_AUTHOR_NAME",
      "HF_TOKEN",
      "HOME",
      "PATH",
      "PYTHONPATH",
      "TOKENIZERS_PARALLELISM",
    ]);
    expect(secrets).not.toContain("Ada Lovelace");
    expect(dropped).toEqual([
      "ACTIONS_RUNTIME_TOKEN",
      "AWS_SECRET_ACCESS_KEY",
      "DB_PASSWORD",
      "GITHUB_TOKEN",
      "INPUT_GITHUB-TOKEN",
      "NPM_TOKEN",
      "SLOWDOWN",
    ]);
    expect(secrets).toContain("hf_xxxx7");
    expect(secrets).toContain("ghs_xxxx1");
  });

  it("on a laptop keeps the user's environment unless configured", () => {
    expect(benchmarkEnvironment(env, { mode: "local" }).env).toEqual(env);
    expect(benchmarkEnvironment(env, { mode: "local", dropEnv: ["NPM_TOKEN"] }).dropped).toEqual([
      "NPM_TOKEN",
    ]);
  });
});

describe("createSecretMasker", () => {
  it("masks a secret split across chunks, and everything else passes unchanged", () => {
    const masker = createSecretMasker(["s3cr3t-value"]);
    const out = Buffer.concat([
      masker.push(Buffer.from("a=s3cr")),
      masker.push(Buffer.from("3t-value b=1\nand s3cr3t-value")),
      masker.end(),
    ]).toString();
    expect(out).toBe("a=*** b=1\nand ***");
  });
});
