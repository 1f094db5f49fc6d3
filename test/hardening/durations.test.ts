import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseRepositoryConfig } from "../../src/config/index.js";
import { MAX_DURATION_MS, timerDelay } from "../../src/duration.js";
import { createLocalRunner } from "../../src/runners/local/local-runner.js";
import { cli, makeProject } from "../cli/harness.js";
import { FILE, MINIMAL, problemsOf } from "../descriptor/helpers.js";
import { makeBenchmark, makeWorkspace, type Workspace } from "../runners/fixture.js";

// Issue 10, item 10: Node fires timers longer than 2^31-1 ms after 1 ms.
describe("durations past Node's timer limit", () => {
  it("are refused on the command line with exit 2 instead of killing the benchmark at once", async () => {
    const dir = makeProject();
    const { code, err } = await cli(dir, ["run", "benchmarks/hello-world", "--timeout", "597h"]);
    expect(code).toBe(2);
    expect(err).toContain("--timeout must be at most 596h");
  });

  it("are refused in a descriptor's run.timeout, as a string or as seconds", () => {
    expect(problemsOf(`${MINIMAL}[run]\ntimeout = "597h"\n`)).toEqual([
      `${FILE}:10:11: run.timeout: must be at most 596h (about 24 days)`,
    ]);
    expect(problemsOf(`${MINIMAL}[run]\ntimeout = 2149200\n`)[0]).toContain("must be at most 596h");
    expect(problemsOf(`${MINIMAL}[run]\ntimeout = "596h"\n`)).toEqual([]);
  });

  it("are refused in maat.toml, naming the key", () => {
    const { problems } = parseRepositoryConfig(
      '[run]\ntimeout = "600h"\n[schedule]\ngrace = "700h"\n',
      "maat.toml",
    );
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      "run.timeout: must be at most 596h (about 24 days)",
      "schedule.grace: must be at most 596h (about 24 days)",
    ]);
  });

  it("never reach a timer unclamped", () => {
    expect(timerDelay(2 ** 40)).toBe(MAX_DURATION_MS);
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(Number.POSITIVE_INFINITY)).toBe(MAX_DURATION_MS);
  });
});

describe("a runner handed a huge time limit", () => {
  let workspace: Workspace;
  beforeEach(async () => {
    workspace = await makeWorkspace();
  });
  afterEach(async () => {
    await workspace.remove();
  });

  it("lets the benchmark finish instead of stopping it after 1 ms", async () => {
    const runner = createLocalRunner({ graceMs: 300 });
    const outcome = await runner.runRepetition(
      workspace.request(makeBenchmark("sleep 0.3; echo ok"), { timeLimitMs: 2 ** 33 }),
    );
    expect(outcome.status).toBe("succeeded");
  });
});
