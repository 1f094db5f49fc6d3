import { describe, expect, it } from "vitest";
import { requiredLiteral } from "../../src/metrics/required-literal.js";

describe("requiredLiteral", () => {
  it.each([
    ["loss=([0-9.]+)", "loss="],
    ["throughput=([0-9.]+) samples/s", "throughput="],
    ["([0-9.]+) samples/s", " samples/s"],
    ["accuracy: (\\d+\\.\\d+)%", "accuracy: "],
    ["val\\.acc\\s*=\\s*(\\S+)", "val.acc"],
    ["lr=(\\d+) steps+", " step"],
    ["^epoch (\\d+)$", "epoch "],
    ["a{2,3}bcd(\\d)", "bcd"],
  ])("finds a literal every match of %s must contain", (pattern, literal) => {
    expect(requiredLiteral(pattern)).toBe(literal);
  });

  it.each([["loss=(\\d+)|acc=(\\d+)"], ["(\\d+)"], ["[a-z]+(\\d+)"], ["\\x41(\\d)"]])(
    "gives up on %s rather than guess",
    (pattern) => {
      expect(requiredLiteral(pattern)).toBeUndefined();
    },
  );

  it("never takes text inside a group, which may be optional or alternated", () => {
    expect(requiredLiteral("(?:train|eval)_loss (\\d+)")).toBe("_loss ");
    expect(requiredLiteral("x(loss)?=(\\d+)")).toBe("x");
  });
});
