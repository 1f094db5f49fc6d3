/** The shapes the fake stores. Only the fields the fake reads are typed; the rest pass through. */
export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  labels?: Labels;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // biome-ignore lint/suspicious/noExplicitAny: specs vary by kind; controllers read what they need.
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: statuses vary by kind; controllers write what they need.
  status?: any;
  [key: string]: unknown;
}

export interface Container {
  name: string;
  image?: string;
  readinessProbe?: unknown;
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  [key: string]: unknown;
}

export interface PodTemplate {
  metadata?: { labels?: Labels; annotations?: Record<string, string> };
  spec: { containers: Container[]; nodeSelector?: Labels; restartPolicy?: string; [key: string]: unknown };
}

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
  lastUpdateTime?: string;
}

/** A watch event as it is stored and sent: the object after the change, and the one before. */
export interface StoreEvent {
  type: "ADDED" | "MODIFIED" | "DELETED";
  plural: string;
  object: KubeObject;
  previous?: KubeObject;
  resourceVersion: number;
}
