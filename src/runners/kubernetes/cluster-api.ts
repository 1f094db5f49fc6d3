import type { Writable } from "node:stream";
import type { V1ObjectMeta } from "@kubernetes/client-node";
import type { KubernetesObject } from "./render/index.js";
import type { ResourceType } from "./resources.js";

/**
 * The few cluster operations a repetition needs, so the lifecycle can be driven by a fake
 * in tests. Objects come back as the API server sends them (timestamps may be strings or
 * Dates depending on the call: read them with `timeOf`).
 */
export interface ClusterApi {
  /** Creates the object in `namespace`; resolves to the created object (with its uid). */
  create(object: KubernetesObject, namespace: string): Promise<KubeObject>;
  /** Deletes one object; an object already gone is not an error. */
  delete(
    type: ResourceType,
    namespace: string,
    name: string,
    propagationPolicy: "Foreground" | "Background",
  ): Promise<void>;
  list(type: ResourceType, namespace: string, selector: Selector): Promise<ObjectList>;
  /** Starts a watch; `onDone` is called once when it ends, with the error if one ended it. */
  watch(
    type: ResourceType,
    namespace: string,
    options: Selector & { resourceVersion: string },
    onEvent: (type: string, object: KubeObject) => void,
    onDone: (error?: unknown) => void,
  ): Promise<Stoppable>;
  /** Follows a container's log into `sink`, which is ended when the log ends. */
  followLog(namespace: string, pod: string, container: string, sink: Writable): Promise<Stoppable>;
  readNode(name: string): Promise<KubeObject>;
}

export interface Selector {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ObjectList {
  items: KubeObject[];
  resourceVersion: string;
}

export interface Stoppable {
  stop(): void;
}

/** Any object read from the cluster; callers narrow it (`as V1Pod`) by the resource they asked for. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: V1ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/** Milliseconds since the epoch of a Kubernetes timestamp, whether a string or a Date. */
export function timeOf(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
