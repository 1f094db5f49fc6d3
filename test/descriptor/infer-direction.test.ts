import { describe, expect, test } from "vitest";
import { inferDirection } from "../../src/descriptor/index.js";

describe("inferDirection", () => {
  test.each([
    ["throughput", "img/sec"],
    ["speed", "samples/s"],
    ["tokens", "tokens / second"],
    ["images_per_sec", "images"],
    ["serving", "req/s"],
    ["accuracy", "ratio"],
    ["top1", "%"],
    ["f1", "score"],
    ["bleu", "points"],
  ])("calls %s in %s higher_is_better", (name, units) => {
    expect(inferDirection(name, units)).toBe("higher_is_better");
  });

  test.each([
    ["latency", "ms"],
    ["p99", "ms"],
    ["epoch_time", "s"],
    ["step", "seconds"],
    ["train_loss", "ratio"],
    ["error_rate", "%"],
    ["peak_memory", "bytes"],
    ["rss", "MiB"],
  ])("calls %s in %s lower_is_better", (name, units) => {
    expect(inferDirection(name, units)).toBe("lower_is_better");
  });

  test.each([
    ["epoch", "index"],
    ["score", "points"],
    ["ratio", "ratio"],
    ["accuracy_loss", "ratio"],
  ])("leaves %s in %s unknown", (name, units) => {
    expect(inferDirection(name, units)).toBe("unknown");
  });
});
