import type { BenchSuite } from "../row.js";
import { detectionQualitySuite } from "./detection-quality.js";
import { extractionSuite } from "./extraction.js";
import { heavyOutputSuite } from "./heavy-output.js";
import { statsSuite } from "./stats.js";
import { workflowSuite } from "./workflow.js";

// Each suite lives in its own file; add it here. `npm run bench -- NAME` runs one.
export const suites: BenchSuite[] = [
  extractionSuite,
  statsSuite,
  workflowSuite,
  heavyOutputSuite,
  detectionQualitySuite,
];
