import type { BenchSuite } from "../row.js";
import { extractionSuite } from "./extraction.js";

// Each suite lives in its own file; add it here.
export const suites: BenchSuite[] = [extractionSuite];
