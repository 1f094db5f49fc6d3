import type { BenchSuite } from "../row.js";
import { dashboardSuite } from "./dashboard.js";
import { dataSuite } from "./data.js";
import { detectionQualitySuite } from "./detection-quality.js";
import { extractionSuite } from "./extraction.js";
import { heavyOutputSuite } from "./heavy-output.js";
import { startupSuite } from "./startup.js";
import { statsSuite } from "./stats.js";
import { telemetrySuite } from "./telemetry.js";
import { workflowSuite } from "./workflow.js";

// Each suite lives in its own file; add it here. `npm run bench -- NAME` runs one.
export const suites: BenchSuite[] = [
  startupSuite,
  extractionSuite,
  statsSuite,
  workflowSuite,
  heavyOutputSuite,
  detectionQualitySuite,
  dataSuite,
  telemetrySuite,
  dashboardSuite,
];
