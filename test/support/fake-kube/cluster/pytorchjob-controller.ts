import type { Container, KubeObject, PodTemplate, StoreEvent } from "../types.js";
import type { ClusterContext } from "./context.js";
import { recordEvent } from "./events.js";
import { deleteWithPropagation } from "./garbage-collector.js";
import { controllerOf, controllerReference, newMeta, ownedBy, podFromTemplate } from "./pod-factory.js";
import { isTerminal } from "./pod-status.js";
import { hasCondition, replicaStatus, setTrainingCondition } from "./training-status.js";

const PORT = 23456;

/**
 * The training-operator's PyTorchJob controller (kubeflow.org/v1): pods and headless
 * Services `<name>-master-0` and `<name>-worker-<i>`, with the torch.distributed environment
 * injected into containers named `pytorch`, as the operator does (and only those).
 */
export function pyTorchJobController(ctx: ClusterContext): (event: StoreEvent) => void {
  return (event) => {
    if (event.plural === "pytorchjobs" && event.type === "ADDED") {
      create(ctx, event.object);
    } else if (event.plural === "pods") {
      const owner = controllerOf(event.object);
      if (owner?.plural !== "pytorchjobs") return;
      const job = ctx.store.get("pytorchjobs", event.object.metadata.namespace, owner.name);
      if (job && !job.metadata.deletionTimestamp) reconcile(ctx, job);
    }
  };
}

function replicaTypes(
  job: KubeObject,
): Array<[string, { replicas: number; restartPolicy: string; template: PodTemplate }]> {
  return Object.entries(job.spec.pytorchReplicaSpecs ?? {});
}

function create(ctx: ClusterContext, job: KubeObject): void {
  const { namespace, name } = job.metadata;
  const types = replicaTypes(job);
  const worldSize = types.reduce((sum, [, spec]) => sum + spec.replicas, 0);
  const masterName = types.some(([type]) => type === "Master") ? `${name}-master-0` : `${name}-worker-0`;
  let rank = 0;
  for (const [type, spec] of types) {
    const lower = type.toLowerCase();
    for (let i = 0; i < spec.replicas; i++) {
      const podName = `${name}-${lower}-${i}`;
      const labels = {
        "training.kubeflow.org/job-name": name,
        "training.kubeflow.org/operator-name": "pytorchjob-controller",
        "training.kubeflow.org/replica-type": lower,
        "training.kubeflow.org/replica-index": String(i),
        ...(type === "Master" && { "training.kubeflow.org/job-role": "master" }),
      };
      const template = structuredClone(spec.template);
      template.spec.restartPolicy = spec.restartPolicy === "ExitCode" ? "Never" : spec.restartPolicy;
      const env = [
        { name: "MASTER_PORT", value: String(PORT) },
        { name: "MASTER_ADDR", value: masterName },
        { name: "WORLD_SIZE", value: String(worldSize) },
        { name: "RANK", value: String(rank++) },
        { name: "PYTHONUNBUFFERED", value: "1" },
      ];
      for (const container of template.spec.containers.filter((c: Container) => c.name === "pytorch")) {
        container.env = [...((container.env as unknown[]) ?? []), ...env];
      }
      ctx.store.create("pods", podFromTemplate(template, { name: podName, owner: job, labels }));
      ctx.store.create("services", {
        apiVersion: "v1",
        kind: "Service",
        metadata: newMeta(podName, namespace, { labels, ownerReferences: [controllerReference(job)] }),
        spec: {
          clusterIP: "None",
          selector: labels,
          ports: [{ name: "pytorchjob-port", port: PORT, protocol: "TCP" }],
        },
      });
    }
  }
  const message = `PyTorchJob ${name} is created.`;
  ctx.store.mutate("pytorchjobs", namespace, name, (j) => {
    setTrainingCondition(j, "Created", "PyTorchJobCreated", message);
    j.status.replicaStatuses = Object.fromEntries(types.map(([type]) => [type, {}]));
  });
  recordEvent(ctx.store, job, {
    type: "Normal",
    reason: "PyTorchJobCreated",
    message,
    component: "pytorchjob-controller",
  });
}

function reconcile(ctx: ClusterContext, job: KubeObject): void {
  const { namespace, name } = job.metadata;
  const pods = ctx.store.list("pods", namespace).filter((p) => ownedBy(p, job));
  const byType = new Map<string, KubeObject[]>();
  for (const [type] of replicaTypes(job)) {
    byType.set(
      type,
      pods.filter((p) => p.metadata.labels?.["training.kubeflow.org/replica-type"] === type.toLowerCase()),
    );
  }
  const wasFinished = hasCondition(job, "Succeeded") || hasCondition(job, "Failed");
  const failedType = [...byType].find(([type, list]) => {
    const policy = job.spec.pytorchReplicaSpecs[type].restartPolicy;
    return policy !== "OnFailure" && policy !== "Always" && list.some((p) => p.status.phase === "Failed");
  });
  const leaders = byType.get("Master") ?? byType.get("Worker") ?? [];
  const expected = replicaTypes(job).reduce((sum, [, spec]) => sum + spec.replicas, 0);
  ctx.store.mutate("pytorchjobs", namespace, name, (j) => {
    j.status.replicaStatuses = Object.fromEntries(
      [...byType].map(([type, list]) => [type, replicaStatus(list)]),
    );
    if (wasFinished) return;
    if (leaders.length > 0 && leaders.every((p) => p.status.phase === "Succeeded")) {
      setTrainingCondition(
        j,
        "Succeeded",
        "PyTorchJobSucceeded",
        `PyTorchJob ${namespace}/${name} successfully completed.`,
      );
    } else if (failedType) {
      const count = failedType[1].filter((p) => p.status.phase === "Failed").length;
      const message = `PyTorchJob ${namespace}/${name} has failed because ${count} ${failedType[0]} replica(s) failed.`;
      setTrainingCondition(j, "Failed", "PyTorchJobFailed", message);
    } else if (pods.length === expected && pods.every((p) => p.status.phase === "Running")) {
      setTrainingCondition(j, "Running", "PyTorchJobRunning", `PyTorchJob ${namespace}/${name} is running.`);
    }
  });
  const now = ctx.store.get("pytorchjobs", namespace, name);
  if (!wasFinished && now && (hasCondition(now, "Succeeded") || hasCondition(now, "Failed"))) {
    const policy = now.spec.runPolicy.cleanPodPolicy;
    for (const pod of pods) {
      if (policy === "All" || (policy === "Running" && !isTerminal(pod))) {
        deleteWithPropagation(ctx.store, "pods", namespace, pod.metadata.name, "Background");
      }
    }
  }
}
