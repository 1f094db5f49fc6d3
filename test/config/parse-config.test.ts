import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, formatConfigProblem, parseRepositoryConfig } from "../../src/config/index.js";

const FULL = `
descriptors = ["bench/**/*.toml", "more/*.toml"]

[runners]
default = ["self-hosted", "linux", "cpu"]

[[runners.rules]]
instance_type = "p3.*"
runs_on = ["self-hosted", "gpu", "v100"]

[[runners.rules]]
instance_types = ["g5.*", "g6.*"]
runs_on = ["self-hosted", "gpu", "a10"]
backend = "docker"

[results]
dir = "out/results"
store = "s3://perf-results/maat"

[data]
cache_dir = "/var/cache/maat"
parallel = 8
retries = 2
stall_timeout = "2m"

[s3]
region = "eu-west-1"
endpoint = "http://minio.internal:9000"
path_style = true

[s3.buckets.open-datasets]
anonymous = true
region = "us-east-1"

[telemetry]
enabled = true
interval = "500ms"
nvidia_smi = "/usr/bin/nvidia-smi"

[baselines]
dir = "perf/baselines"
max_runs = 50
commit = "pull_request"
branch = "release"

[compare]
sigma = 4
min_effect = 0.03
fdr = 0.1
min_baseline_runs = 3
fail_on_regression = false
confirm_repetitions = 5
persistence = 3

[issues]
labels = ["perf"]
assignees = ["octocat"]
close_after_good_runs = 3

[pull_requests]
run_all_label = "bench:all"
trust_label = "bench:ok"
comment = false

[run]
repetitions = "auto"
warmup = 2
timeout = "30m"

[schedule]
grace = "45m"

[docker]
cli = "/usr/bin/docker"
pull = "never"
gpus = 2
shm_size = "host"
network = "bench-net"
stop_grace = "30s"

[kubernetes]
kubeconfig = "~/.kube/config"
context = "gpu-cluster"
namespace = "bench"
dataset_cache_pvc = "datasets"
unschedulable_timeout = "3m"
code_bucket = "s3://bench-artifacts/code"
fetcher_image = "registry.example.com/fetcher:1"
node_selector = { "nvidia.com/gpu.product" = "A100-SXM4-80GB" }
tolerations = [{ key = "nvidia.com/gpu", operator = "Exists", effect = "NoSchedule" }]
instance_types = ["p4d.*"]
`;

describe("parseRepositoryConfig", () => {
  it("reads every key into camelCase with durations in milliseconds", () => {
    const { config, problems } = parseRepositoryConfig(FULL, "maat.toml");
    expect(problems).toEqual([]);
    expect(config).toEqual({
      file: "maat.toml",
      descriptors: ["bench/**/*.toml", "more/*.toml"],
      runners: {
        default: ["self-hosted", "linux", "cpu"],
        rules: [
          { instanceTypes: ["p3.*"], runsOn: ["self-hosted", "gpu", "v100"] },
          { instanceTypes: ["g5.*", "g6.*"], runsOn: ["self-hosted", "gpu", "a10"], backend: "docker" },
        ],
      },
      results: { dir: "out/results", store: "s3://perf-results/maat" },
      data: { cacheDir: "/var/cache/maat", parallel: 8, retries: 2, stallTimeoutMs: 120_000 },
      s3: {
        region: "eu-west-1",
        endpoint: "http://minio.internal:9000",
        pathStyle: true,
        buckets: { "open-datasets": { anonymous: true, region: "us-east-1" } },
      },
      telemetry: { enabled: true, intervalMs: 500, nvidiaSmi: "/usr/bin/nvidia-smi" },
      baselines: { dir: "perf/baselines", maxRuns: 50, commit: "pull_request", branch: "release" },
      compare: {
        sigma: 4,
        minEffect: 0.03,
        fdr: 0.1,
        minBaselineRuns: 3,
        failOnRegression: false,
        failOnIncomparable: true,
        confirmRepetitions: 5,
        persistence: 3,
      },
      issues: { labels: ["perf"], assignees: ["octocat"], closeAfterGoodRuns: 3 },
      pullRequests: { runAllLabel: "bench:all", trustLabel: "bench:ok", comment: false },
      run: { repetitions: "auto", warmup: 2, timeoutMs: 30 * 60_000, passEnv: [], dropEnv: [] },
      schedule: { graceMs: 45 * 60_000 },
      docker: {
        cli: "/usr/bin/docker",
        pull: "never",
        gpus: 2,
        shmSize: "host",
        network: "bench-net",
        stopGraceMs: 30_000,
      },
      kubernetes: {
        kubeconfig: "~/.kube/config",
        context: "gpu-cluster",
        namespace: "bench",
        datasetCachePvc: "datasets",
        unschedulableTimeoutMs: 3 * 60_000,
        codeBucket: "s3://bench-artifacts/code",
        fetcherImage: "registry.example.com/fetcher:1",
        nodeSelector: { "nvidia.com/gpu.product": "A100-SXM4-80GB" },
        tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
        instanceTypes: ["p4d.*"],
      },
    });
  });

  it("fills every default for an empty file", () => {
    const { config } = parseRepositoryConfig("", "maat.toml");
    expect(config).toEqual({ ...DEFAULT_CONFIG, file: "maat.toml" });
  });

  it("reads an integer timeout as seconds", () => {
    const { config } = parseRepositoryConfig("[run]\ntimeout = 90\n", "maat.toml");
    expect(config?.run.timeoutMs).toBe(90_000);
  });

  it("points a misspelt key at its line and suggests the right one", () => {
    const { config, problems } = parseRepositoryConfig("[baselines]\ndir = 'b'\nmax_run = 10\n", "maat.toml");
    expect(config).toBeUndefined();
    expect(problems).toEqual([
      {
        file: "maat.toml",
        line: 3,
        column: 1,
        field: "baselines.max_run",
        message: "unknown key `max_run`",
        hint: "did you mean `max_runs`?",
      },
    ]);
    expect(formatConfigProblem(problems[0]!)).toBe(
      "maat.toml:3:1: baselines.max_run: unknown key `max_run` (did you mean `max_runs`?)",
    );
  });

  it("says which table a key written at the top level belongs in", () => {
    const { problems } = parseRepositoryConfig("trust_label = 'x'\n", "maat.toml");
    expect(problems[0]?.hint).toBe("`trust_label` belongs in the [pull_requests] table");
  });

  it("reports every problem at once, inside array tables too", () => {
    const text = [
      "[[runners.rules]]",
      'instance_type = "p3.*"',
      'runs_on = ["gpu"]',
      "",
      "[[runners.rules]]",
      'instance_type = "g5.*"',
      'backend = "podman"',
      "",
      "[compare]",
      'sigma = "three"',
    ].join("\n");
    const { problems } = parseRepositoryConfig(text, "maat.toml");
    expect(problems.map((p) => `${p.line}:${p.field}: ${p.message}`).sort()).toEqual([
      "10:compare.sigma: must be number",
      "5:runners.rules[1]: missing required key `runs_on`",
      '7:runners.rules[1].backend: must be one of "local", "docker", "kubernetes", not "podman"',
    ]);
  });

  it("asks for an instance type in a runner rule", () => {
    const { problems } = parseRepositoryConfig('[[runners.rules]]\nruns_on = ["gpu"]\n', "maat.toml");
    expect(problems).toMatchObject([
      { line: 1, field: "runners.rules[0]", message: expect.stringContaining("instance_type") },
    ]);
  });

  it("explains a bad duration in one sentence", () => {
    const { problems } = parseRepositoryConfig('[run]\ntimeout = "ten minutes"\n', "maat.toml");
    expect(problems).toMatchObject([
      {
        line: 2,
        column: 1,
        field: "run.timeout",
        message: 'must be seconds (an integer) or a duration such as "90s", "30m", "2h"',
      },
    ]);
  });

  it("locates keys inside inline tables", () => {
    const { problems } = parseRepositoryConfig(
      '[kubernetes]\ntolerations = [{ key = "a", operator = "Sometimes" }]\n',
      "maat.toml",
    );
    expect(problems).toMatchObject([{ line: 2, column: 29, field: "kubernetes.tolerations[0].operator" }]);
  });

  it("reports invalid TOML with its position", () => {
    const { problems } = parseRepositoryConfig("[results]\ndir = 'a'\ndir = 'b'\n", "maat.toml");
    expect(problems).toMatchObject([
      { file: "maat.toml", line: 3, field: "", message: expect.stringMatching(/^invalid TOML/) },
    ]);
  });
});
