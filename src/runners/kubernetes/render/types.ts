import type { V1ObjectMeta, V1Toleration } from "@kubernetes/client-node";
import type { CodeDelivery } from "./code-fetch.js";

/** How a descriptor becomes manifests: everything that is not in the descriptor itself. */
export interface RenderOptions {
  /** Identifies this run; becomes part of every name and the `maat.dev/run-id` label. */
  runId: string;
  /** Namespace written into every object; absent: no namespace field (`kubectl apply -n NS` decides). */
  namespace?: string;
  /** Commit under test, recorded in the `maat.dev/commit` annotation. */
  commit?: string;
  /** Extra node selector terms for every pod (e.g. a dedicated node group). */
  nodeSelector?: Record<string, string>;
  /** Extra tolerations for every pod; the GPU / Neuron taints are tolerated automatically. */
  tolerations?: V1Toleration[];
  /** A ReadWriteMany PVC that caches data sources with an md5 across runs. */
  datasetCachePvc?: string;
  /** Seconds a finished Job (and its pods, so its logs) is kept; default 3600. */
  ttlSecondsAfterFinished?: number;
  /** Retries of a failed benchmark; default 0 so a failure is never hidden by a retry. */
  backoffLimit?: number;
  imagePullSecrets?: string[];
  /** Image of the init container that downloads data and models; needs sh, aws, curl, md5sum. */
  fetcherImage?: string;
  /** The code under test (`run.code = "checkout"`): every pod unpacks it at /workspace. */
  code?: CodeDelivery;
  /** Set by renderManifests when `code` is: the run's name and the descriptor's folder under /workspace. */
  codeTarget?: { name: string; workingDir: string };
}

/** Any object `kubectl apply` accepts: built-in kinds and the Kubeflow custom resources. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: V1ObjectMeta & { name: string };
  [field: string]: unknown;
}

export const DEFAULT_TTL_SECONDS_AFTER_FINISHED = 3600;
export const DEFAULT_FETCHER_IMAGE = "amazon/aws-cli:2.17.0";
