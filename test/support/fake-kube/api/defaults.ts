import { randomInt, randomUUID } from "node:crypto";
import type { ResourceType } from "../resources.js";
import type { KubeObject } from "../types.js";

/**
 * The defaults the API server (and the operators' webhooks) fill in on create, so responses
 * and watch events look like a real cluster's. Sets `metadata.uid` early because Job
 * selectors carry it. Only fields the schemas in test/fixtures know, so updates of a stored
 * object still validate.
 */
export function applyDefaults(resource: ResourceType, object: KubeObject): void {
  object.metadata.uid = randomUUID();
  const { name, uid } = object.metadata;
  const spec = object.spec;
  switch (resource.plural) {
    case "namespaces":
      object.metadata.labels = { ...object.metadata.labels, "kubernetes.io/metadata.name": name };
      object.spec = { finalizers: ["kubernetes"] };
      object.status = { phase: "Active" };
      break;
    case "jobs": {
      spec.parallelism ??= 1;
      if (spec.completions === undefined && spec.parallelism === 1) spec.completions = 1;
      spec.backoffLimit ??= 6;
      const labels = {
        "batch.kubernetes.io/controller-uid": uid,
        "batch.kubernetes.io/job-name": name,
        "controller-uid": uid,
        "job-name": name,
      };
      spec.selector ??= { matchLabels: { "batch.kubernetes.io/controller-uid": uid } };
      spec.template.metadata = {
        ...spec.template.metadata,
        labels: { ...spec.template.metadata?.labels, ...labels },
      };
      object.metadata.labels = { ...object.metadata.labels, ...labels };
      object.status = {};
      break;
    }
    case "services":
      spec.type ??= "ClusterIP";
      spec.sessionAffinity ??= "None";
      if (spec.clusterIP === undefined) spec.clusterIP = `10.100.${randomInt(256)}.${randomInt(1, 255)}`;
      spec.ports = (spec.ports ?? []).map((p: Record<string, unknown>) => ({
        protocol: "TCP",
        targetPort: p.port,
        ...p,
      }));
      object.status = { loadBalancer: {} };
      break;
    case "persistentvolumeclaims":
      spec.volumeMode ??= "Filesystem";
      spec.volumeName ??= `pvc-${uid}`;
      object.status = {
        phase: "Bound",
        accessModes: spec.accessModes,
        capacity: spec.resources?.requests ?? {},
      };
      break;
    case "deployments":
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      spec.strategy ??= { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } };
      object.status = {};
      break;
    case "mpijobs":
      spec.slotsPerWorker ??= 1;
      spec.runPolicy = { cleanPodPolicy: "None", ...spec.runPolicy };
      spec.sshAuthMountPath ??= "/root/.ssh";
      spec.mpiImplementation ??= "OpenMPI";
      object.status = {};
      break;
    case "pytorchjobs":
      spec.runPolicy = { cleanPodPolicy: "None", ...spec.runPolicy };
      for (const replica of Object.values(spec.pytorchReplicaSpecs ?? {}) as Record<string, unknown>[]) {
        replica.replicas ??= 1;
        replica.restartPolicy ??= "OnFailure";
      }
      object.status = {};
      break;
    case "pods":
      object.status = { phase: "Pending" };
      break;
  }
}
