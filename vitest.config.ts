import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores on CI: run files in parallel but keep the pool small.
    maxWorkers: 2,
    // The Docker suites' image, built once (skipped without an engine).
    globalSetup: ["test/support/docker/global-setup.ts"],
  },
});
