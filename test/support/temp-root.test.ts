import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { expect, test } from "vitest";

test("tests and the processes they start write temporary files under the run's own folder", () => {
  expect(tmpdir()).toMatch(/maat-test-run-[^/]+$/);
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(require('node:os').tmpdir())"]);
  expect(child.stdout.toString()).toBe(tmpdir());
});
