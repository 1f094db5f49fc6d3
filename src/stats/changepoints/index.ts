export { detectChangePoints, kindOf } from "./detect.js";
export { findOutliers, type Outlier } from "./outliers.js";
export { DEFAULT_REPLAY_OPTIONS, type ReplayOptions, replayGate } from "./replay.js";
export {
  type ChangePoint,
  type ChangePointOptions,
  DEFAULT_CHANGE_POINT_OPTIONS,
  type Series,
} from "./types.js";
