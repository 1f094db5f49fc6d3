import { applyDefaults } from "../api/defaults.js";
import { resource } from "../resources.js";
import type { KubeObject, PodTemplate, StoreEvent } from "../types.js";
import type { ClusterContext } from "./context.js";
import { recordEvent } from "./events.js";
import { deleteWithPropagation } from "./garbage-collector.js";
import { isFinished } from "./job-controller.js";
import { controllerReference, newMeta, ownedBy, podFromTemplate } from "./pod-factory.js";
import { isTerminal } from "./pod-status.js";
import { hasCondition, replicaStatus, setTrainingCondition } from "./training-status.js";

const JOB_NAME = "training.kubeflow.org/job-name";
const ROLE = "training.kubeflow.org/job-role";

/**
 * The mpi-operator (v2beta1): worker pods `<name>-worker-<i>`, a hostfile ConfigMap, an SSH
 * Secret, a headless Service, and a launcher Job `<name>-launcher` whose pod is
 * `<name>-launcher-<random5>`. The MPIJob's conditions follow the launcher Job.
 */
export function mpiJobController(ctx: ClusterContext): (event: StoreEvent) => void {
  return (event) => {
    if (event.plural === "mpijobs" && event.type === "ADDED") {
      create(ctx, event.object);
      return;
    }
    const mpiJob = owningMpiJob(ctx, event);
    if (mpiJob && !mpiJob.metadata.deletionTimestamp) reconcile(ctx, mpiJob);
  };
}

function owningMpiJob(ctx: ClusterContext, event: StoreEvent): KubeObject | undefined {
  if (event.plural !== "pods" && event.plural !== "jobs") return undefined;
  const name = event.object.metadata.labels?.[JOB_NAME];
  if (
    name === undefined ||
    event.object.metadata.labels?.["training.kubeflow.org/operator-name"] !== "mpi-operator"
  ) {
    return undefined;
  }
  return ctx.store.get("mpijobs", event.object.metadata.namespace, name);
}

function labels(mpiJob: KubeObject, role: string): Record<string, string> {
  return {
    [JOB_NAME]: mpiJob.metadata.name,
    [ROLE]: role,
    "training.kubeflow.org/operator-name": "mpi-operator",
  };
}

function create(ctx: ClusterContext, mpiJob: KubeObject): void {
  const { namespace, name } = mpiJob.metadata;
  const specs = mpiJob.spec.mpiReplicaSpecs;
  const workers = Number(specs.Worker?.replicas ?? 0);
  const owner = { ownerReferences: [controllerReference(mpiJob)] };
  const slots = mpiJob.spec.slotsPerWorker;
  const hosts = Array.from(
    { length: workers },
    (_, i) => `${name}-worker-${i}.${name}.${namespace}.svc slots=${slots}`,
  );
  ctx.store.create("configmaps", {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: newMeta(`${name}-config`, namespace, { labels: { app: name }, ...owner }),
    data: { hostfile: hosts.join("\n") },
  });
  ctx.store.create("secrets", {
    apiVersion: "v1",
    kind: "Secret",
    metadata: newMeta(`${name}-ssh`, namespace, owner),
    type: "kubernetes.io/ssh-auth",
    data: { "ssh-privatekey": "", "ssh-publickey": "" },
  });
  ctx.store.create("services", {
    apiVersion: "v1",
    kind: "Service",
    metadata: newMeta(name, namespace, owner),
    spec: { clusterIP: "None", selector: labels(mpiJob, "worker"), publishNotReadyAddresses: true },
  });
  for (let i = 0; i < workers; i++) {
    const template = specs.Worker.template as PodTemplate;
    ctx.store.create(
      "pods",
      podFromTemplate(template, {
        name: `${name}-worker-${i}`,
        owner: mpiJob,
        labels: { ...labels(mpiJob, "worker"), "training.kubeflow.org/replica-index": String(i) },
        hostname: `${name}-worker-${i}`,
        subdomain: name,
      }),
    );
  }
  const launcherTemplate = structuredClone(specs.Launcher.template) as PodTemplate;
  launcherTemplate.metadata = {
    ...launcherTemplate.metadata,
    labels: { ...launcherTemplate.metadata?.labels, ...labels(mpiJob, "launcher") },
  };
  launcherTemplate.spec.restartPolicy ??= specs.Launcher.restartPolicy ?? "OnFailure";
  const launcher: KubeObject = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: newMeta(`${name}-launcher`, namespace, { labels: labels(mpiJob, "launcher"), ...owner }),
    spec: {
      template: launcherTemplate,
      backoffLimit: mpiJob.spec.runPolicy.backoffLimit ?? 6,
      ...(mpiJob.spec.runPolicy.activeDeadlineSeconds !== undefined && {
        activeDeadlineSeconds: mpiJob.spec.runPolicy.activeDeadlineSeconds,
      }),
    },
  };
  applyDefaults(resource("jobs"), launcher);
  ctx.store.mutate("mpijobs", namespace, name, (j) => {
    setTrainingCondition(j, "Created", "MPIJobCreated", `MPIJob ${namespace}/${name} is created.`);
    j.status.replicaStatuses = { Launcher: {}, Worker: {} };
  });
  recordEvent(ctx.store, mpiJob, {
    type: "Normal",
    reason: "MPIJobCreated",
    message: `MPIJob ${namespace}/${name} is created.`,
    component: "mpi-job-controller",
  });
  ctx.store.create("jobs", launcher);
}

function reconcile(ctx: ClusterContext, mpiJob: KubeObject): void {
  const { namespace, name } = mpiJob.metadata;
  const launcher = ctx.store.get("jobs", namespace, `${name}-launcher`);
  const pods = ctx.store.list("pods", namespace);
  const workers = pods.filter((p) => ownedBy(p, mpiJob));
  const launcherPods = launcher ? pods.filter((p) => ownedBy(p, launcher)) : [];
  const evicted = [...workers, ...launcherPods].find((p) => p.status.reason === "Evicted");
  const jobFailed = launcher?.status?.conditions?.find((c: { type: string }) => c.type === "Failed");
  const wasFinished = hasCondition(mpiJob, "Succeeded") || hasCondition(mpiJob, "Failed");
  ctx.store.mutate("mpijobs", namespace, name, (j) => {
    j.status.replicaStatuses = { Launcher: replicaStatus(launcherPods), Worker: replicaStatus(workers) };
    if (wasFinished) return;
    if (launcher && isFinished(launcher) && !jobFailed) {
      setTrainingCondition(
        j,
        "Succeeded",
        "MPIJobSucceeded",
        `MPIJob ${namespace}/${name} successfully completed.`,
      );
    } else if (evicted) {
      setTrainingCondition(j, "Failed", "MPIJobEvicted", `pod ${evicted.metadata.name} was evicted`);
    } else if (jobFailed) {
      const reason = jobFailed.reason === "DeadlineExceeded" ? "DeadlineExceeded" : "MPIJobFailed";
      setTrainingCondition(
        j,
        "Failed",
        reason,
        `MPIJob ${namespace}/${name} has failed: ${jobFailed.message}`,
      );
    } else if (launcherPods.some((p) => p.status.phase === "Running")) {
      setTrainingCondition(j, "Running", "MPIJobRunning", `MPIJob ${namespace}/${name} is running.`);
    }
  });
  const now = ctx.store.get("mpijobs", namespace, name);
  if (!wasFinished && now && (hasCondition(now, "Succeeded") || hasCondition(now, "Failed")))
    cleanUp(ctx, now, workers);
}

/** Deletes worker pods per `runPolicy.cleanPodPolicy` once the MPIJob has finished. */
function cleanUp(ctx: ClusterContext, mpiJob: KubeObject, workers: KubeObject[]): void {
  const policy = mpiJob.spec.runPolicy.cleanPodPolicy;
  for (const pod of workers) {
    if (policy === "All" || (policy === "Running" && !isTerminal(pod))) {
      deleteWithPropagation(ctx.store, "pods", pod.metadata.namespace, pod.metadata.name, "Background");
    }
  }
}
