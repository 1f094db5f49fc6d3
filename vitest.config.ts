import { defineConfig } from "vitest/config";
import { viteDashboardAssets } from "./scripts/dashboard-assets.mjs";

export default defineConfig({
  // The dashboard's browser bundle, built from source for tests as scripts/build.mjs does for dist/.
  plugins: [viteDashboardAssets(import.meta.dirname)],
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
