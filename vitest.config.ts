import { defineConfig } from "vitest/config";
import { viteDashboardAssets } from "./scripts/dashboard-assets.mjs";

export default defineConfig({
  // The dashboard's browser bundle, built from source for tests as scripts/build.mjs does for dist/.
  plugins: [viteDashboardAssets(import.meta.dirname)],
  test: {
    include: ["test/**/*.test.ts"],
    // One temporary folder per run; then the Docker suites' image, built once (skipped without an engine).
    globalSetup: ["test/support/global-setup.ts", "test/support/docker/global-setup.ts"],
    // Sized for a busy two-core machine, not for speed: a test that needs a deadline polls for
    // its condition; this only stops a test that hangs.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two cores on CI: run files in parallel but keep the pool small.
    maxWorkers: 2,
  },
});
