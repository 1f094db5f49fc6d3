import { createHash } from "node:crypto";
import { randomSuffix } from "../names.js";
import type { KubeObject, StoreEvent } from "../types.js";
import type { ClusterContext } from "./context.js";
import { recordEvent } from "./events.js";
import { deleteWithPropagation } from "./garbage-collector.js";
import { controllerOf, controllerReference, newMeta, ownedBy, podFromTemplate } from "./pod-factory.js";
import { isReady, isTerminal, setCondition } from "./pod-status.js";

/**
 * The Deployment and ReplicaSet controllers in one: a Deployment owns a ReplicaSet
 * `<name>-<template hash>`, which owns pods `<replicaset>-<random5>` and replaces any that
 * fail or vanish. Deployment status (readyReplicas, availableReplicas, conditions) follows.
 */
export function deploymentController(ctx: ClusterContext): (event: StoreEvent) => void {
  return (event) => {
    const { namespace } = event.object.metadata;
    if (event.plural === "deployments" && event.type !== "DELETED") {
      if (!event.object.metadata.deletionTimestamp) syncDeployment(ctx, event.object);
    } else if (event.plural === "replicasets" && event.type !== "DELETED") {
      syncReplicaSet(ctx, event.object);
    } else if (event.plural === "pods") {
      const owner = controllerOf(event.object);
      if (owner?.plural !== "replicasets") return;
      const replicaSet = ctx.store.get("replicasets", namespace, owner.name);
      if (replicaSet) syncReplicaSet(ctx, replicaSet);
    }
  };
}

function templateHash(deployment: KubeObject): string {
  const digest = createHash("sha256").update(JSON.stringify(deployment.spec.template)).digest();
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  return [...digest.subarray(0, 10)].map((b) => alphabet[b % alphabet.length]).join("");
}

function syncDeployment(ctx: ClusterContext, deployment: KubeObject): void {
  const { namespace, name } = deployment.metadata;
  const hash = templateHash(deployment);
  const rsName = `${name}-${hash}`;
  for (const old of ctx.store.list("replicasets", namespace).filter((rs) => ownedBy(rs, deployment))) {
    if (old.metadata.name !== rsName)
      deleteWithPropagation(ctx.store, "replicasets", namespace, old.metadata.name, "Background");
  }
  const existing = ctx.store.get("replicasets", namespace, rsName);
  if (existing) {
    ctx.store.mutate("replicasets", namespace, rsName, (rs) => {
      rs.spec.replicas = deployment.spec.replicas;
    });
  } else {
    const template = structuredClone(deployment.spec.template);
    template.metadata = {
      ...template.metadata,
      labels: { ...template.metadata?.labels, "pod-template-hash": hash },
    };
    ctx.store.create("replicasets", {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: newMeta(rsName, namespace, {
        labels: template.metadata.labels,
        ownerReferences: [controllerReference(deployment)],
      }),
      spec: { replicas: deployment.spec.replicas, selector: deployment.spec.selector, template },
      status: { replicas: 0 },
    });
    recordEvent(ctx.store, deployment, {
      type: "Normal",
      reason: "ScalingReplicaSet",
      message: `Scaled up replica set ${rsName} to ${deployment.spec.replicas}`,
      component: "deployment-controller",
    });
  }
  updateDeploymentStatus(ctx, deployment);
}

function syncReplicaSet(ctx: ClusterContext, replicaSet: KubeObject): void {
  const { namespace, name } = replicaSet.metadata;
  const pods = ctx.store.list("pods", namespace).filter((p) => ownedBy(p, replicaSet));
  const live = pods.filter((p) => !isTerminal(p) && !p.metadata.deletionTimestamp);
  for (let i = live.length; i < replicaSet.spec.replicas; i++) {
    const pod = ctx.store.create(
      "pods",
      podFromTemplate(replicaSet.spec.template, { name: `${name}-${randomSuffix()}`, owner: replicaSet }),
    );
    live.push(pod);
  }
  for (const extra of live.splice(replicaSet.spec.replicas)) {
    deleteWithPropagation(ctx.store, "pods", namespace, extra.metadata.name, "Background");
  }
  ctx.store.mutate("replicasets", namespace, name, (rs) => {
    rs.status = {
      replicas: live.length,
      fullyLabeledReplicas: live.length,
      readyReplicas: live.filter(isReady).length,
      availableReplicas: live.filter(isReady).length,
      observedGeneration: rs.metadata.generation,
    };
  });
  const owner = controllerOf(replicaSet);
  const deployment = owner && ctx.store.get("deployments", namespace, owner.name);
  if (deployment) updateDeploymentStatus(ctx, deployment);
}

function updateDeploymentStatus(ctx: ClusterContext, deployment: KubeObject): void {
  const { namespace, name } = deployment.metadata;
  const sets = ctx.store.list("replicasets", namespace).filter((rs) => ownedBy(rs, deployment));
  const sum = (key: string) => sets.reduce((total, rs) => total + (rs.status?.[key] ?? 0), 0);
  ctx.store.mutate("deployments", namespace, name, (d) => {
    const wanted = d.spec.replicas;
    const available = sum("availableReplicas");
    d.status = {
      ...d.status,
      observedGeneration: d.metadata.generation,
      replicas: sum("replicas"),
      updatedReplicas: sum("replicas"),
      readyReplicas: sum("readyReplicas"),
      availableReplicas: available,
      ...(wanted - available > 0 && { unavailableReplicas: wanted - available }),
    };
    for (const key of ["readyReplicas", "availableReplicas", "updatedReplicas", "replicas"]) {
      if (d.status[key] === 0) delete d.status[key];
    }
    if (wanted - available <= 0) delete d.status.unavailableReplicas;
    d.status.conditions ??= [];
    const ok = available >= wanted;
    setCondition(d.status.conditions, "Available", ok ? "True" : "False", {
      reason: ok ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
      message: ok ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
      lastProbeTime: undefined,
    });
    setCondition(d.status.conditions, "Progressing", "True", {
      reason: ok ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
      message: `ReplicaSet "${sets[0]?.metadata.name ?? name}" ${ok ? "has successfully progressed." : "is progressing."}`,
      lastProbeTime: undefined,
    });
  });
}
