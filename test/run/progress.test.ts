import { describe, expect, it } from "vitest";
import { formatDuration, formatProgress } from "../../src/run/progress.js";

describe("progress lines", () => {
  it("say which repetition, how long it took, elapsed and remaining", () => {
    const line = formatProgress({
      kind: "repetition",
      benchmark: "hello-world",
      warmup: false,
      index: 2,
      of: 5,
      status: "succeeded",
      durationMs: 310,
      elapsedMs: 1400,
      remainingMs: 930,
    });
    expect(line).toBe("hello-world: repetition 2/5 succeeded in 310 ms (elapsed 1.40 s, ~930 ms left)");
  });

  it("name the reason of a failed repetition", () => {
    const line = formatProgress({
      kind: "repetition",
      benchmark: "b",
      warmup: true,
      index: 1,
      of: 1,
      status: "timed_out",
      durationMs: 5000,
      elapsedMs: 5000,
      reason: "time limit of 5 s reached",
    });
    expect(line).toContain("warm-up 1/1 timed_out in 5.00 s");
    expect(line).toMatch(/: time limit of 5 s reached$/);
  });

  it("formats long durations in minutes and hours", () => {
    expect(formatDuration(95_000)).toBe("1m35s");
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe("2h5m");
  });
});
