import type { BenchmarkPage } from "../page-data.js";

declare global {
  interface Window {
    /** Set by `data/<benchmark>.js`, which the benchmark's page loads before this script. */
    MAAT_BENCHMARK?: BenchmarkPage;
  }
}
