import { describe, expect, it } from "vitest";
import { docker, dockerUnavailable, ensureTestImage } from "../support/docker/engine.js";

const title =
  dockerUnavailable === undefined ? "the test image" : `the test image (skipped: ${dockerUnavailable})`;

describe.skipIf(dockerUnavailable !== undefined)(title, () => {
  it("is built here from busybox-static and this Node, and runs node in a container without a network", async () => {
    const image = await ensureTestImage();
    const out = await docker(
      "run",
      "--rm",
      "--network",
      "none",
      image,
      "node",
      "-e",
      "console.log(process.version)",
    );
    expect(out).toBe(process.version);
  }, 300_000);
});
