export { explainApiError, REQUIRED_PERMISSIONS } from "./api-errors.js";
export { type ClusterPlacement, kubernetesBackendInfo } from "./backend-info.js";
export { createClusterApi } from "./client-node-api.js";
export type { Clock } from "./clock.js";
export type { ClusterApi, KubeObject } from "./cluster-api.js";
export { type CodeBundleStore, codeBundleLocation } from "./code/code-store.js";
export { CONFIGMAP_BUNDLE_LIMIT, createCodeSource } from "./code/deliver-code.js";
export { type CodeBundle, makeCodeBundle } from "./code/make-bundle.js";
export { type Diagnosis, diagnoseFailure, type FailureFacts } from "./diagnose-failure.js";
export { type KubeConfigSource, type LoadedKubeConfig, loadKubeConfig } from "./kube-config.js";
export { KubernetesApiError, KubernetesConfigError } from "./kubernetes-error.js";
export {
  createKubernetesRunner,
  type KubernetesRunner,
  type KubernetesRunnerOptions,
} from "./kubernetes-runner.js";
export { findPodProblem, type PodProblem } from "./pod-problems.js";
export type { KubernetesRepetitionOutcome } from "./run-repetition.js";
