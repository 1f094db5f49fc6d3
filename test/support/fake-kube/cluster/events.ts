import { randomBytes } from "node:crypto";
import { timestamp } from "../clock.js";
import type { Store } from "../store.js";
import type { KubeObject } from "../types.js";

export interface EventFacts {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  component: string;
}

/** Records a core/v1 Event about `involved`, as a controller, the scheduler or the kubelet would. */
export function recordEvent(store: Store, involved: KubeObject, facts: EventFacts): void {
  const now = timestamp();
  const namespace = involved.metadata.namespace ?? "default";
  store.create("events", {
    apiVersion: "v1",
    kind: "Event",
    metadata: {
      name: `${involved.metadata.name}.${randomBytes(8).toString("hex")}`,
      namespace,
      uid: "",
      resourceVersion: "",
      creationTimestamp: "",
    },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      namespace,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
    },
    reason: facts.reason,
    message: facts.message,
    type: facts.type,
    source: { component: facts.component },
    reportingComponent: facts.component,
    reportingInstance: "",
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  });
}
