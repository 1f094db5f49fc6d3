import { randomUUID } from "node:crypto";
import { timestamp } from "./clock.js";
import { resource } from "./resources.js";
import { alreadyExists, notFound } from "./status.js";
import type { KubeObject, StoreEvent } from "./types.js";

type Listener = (event: StoreEvent) => void;

/**
 * The objects of the fake cluster, like etcd behind the API server: one global, increasing
 * resourceVersion, a bounded history of changes for watches, and change listeners.
 * Objects handed out are copies; change them through `update` or `mutate`.
 */
export class Store {
  readonly #objects = new Map<string, KubeObject>();
  readonly #history: StoreEvent[] = [];
  readonly #watchers = new Set<Listener>();
  readonly #controllers: Listener[] = [];
  readonly #queue: StoreEvent[] = [];
  #draining = false;
  #resourceVersion = 0;
  /** Watches from a resourceVersion below this have lost events and must get 410 Gone. */
  #compactedThrough = 0;
  readonly #window: number;

  constructor(options: { watchWindow?: number } = {}) {
    this.#window = options.watchWindow ?? 1000;
  }

  get resourceVersion(): number {
    return this.#resourceVersion;
  }

  get compactedThrough(): number {
    return this.#compactedThrough;
  }

  get<T extends KubeObject = KubeObject>(
    plural: string,
    namespace: string | undefined,
    name: string,
  ): T | undefined {
    const found = this.#objects.get(key(plural, namespace, name));
    return found && (structuredClone(found) as T);
  }

  /** Objects of one resource, in one namespace or all of them, oldest first. */
  list<T extends KubeObject = KubeObject>(plural: string, namespace?: string): T[] {
    const out: T[] = [];
    for (const [k, object] of this.#objects) {
      if (!k.startsWith(`${plural}/`)) continue;
      if (namespace !== undefined && object.metadata.namespace !== namespace) continue;
      out.push(structuredClone(object) as T);
    }
    return out;
  }

  /** Stores a new object, filling uid, resourceVersion, creationTimestamp and generation. */
  create<T extends KubeObject>(plural: string, object: T): T {
    const { namespace, name } = object.metadata;
    const k = key(plural, namespace, name);
    if (this.#objects.has(k)) throw alreadyExists(resource(plural), name);
    const stored = structuredClone(object);
    stored.metadata.uid = stored.metadata.uid || randomUUID();
    stored.metadata.creationTimestamp = timestamp();
    stored.metadata.resourceVersion = String(++this.#resourceVersion);
    if (stored.spec !== undefined) stored.metadata.generation = 1;
    this.#objects.set(k, stored);
    this.#emit({ type: "ADDED", plural, object: stored, resourceVersion: this.#resourceVersion });
    return structuredClone(stored);
  }

  /** Replaces a stored object; bumps resourceVersion, and generation when the spec changed. */
  update<T extends KubeObject>(plural: string, object: T): T {
    const { namespace, name } = object.metadata;
    const k = key(plural, namespace, name);
    const previous = this.#objects.get(k);
    if (previous === undefined) throw notFound(resource(plural), name);
    const stored = structuredClone(object);
    stored.metadata.uid = previous.metadata.uid;
    stored.metadata.creationTimestamp = previous.metadata.creationTimestamp;
    stored.metadata.resourceVersion = String(++this.#resourceVersion);
    const specChanged = JSON.stringify(previous.spec) !== JSON.stringify(stored.spec);
    const generation = previous.metadata.generation;
    if (generation !== undefined) stored.metadata.generation = specChanged ? generation + 1 : generation;
    this.#objects.set(k, stored);
    this.#emit({
      type: "MODIFIED",
      plural,
      object: stored,
      previous,
      resourceVersion: this.#resourceVersion,
    });
    return structuredClone(stored);
  }

  /** Applies `change` to a copy of the object and stores it if anything changed. */
  mutate<T extends KubeObject = KubeObject>(
    plural: string,
    namespace: string | undefined,
    name: string,
    change: (object: T) => void,
  ): T | undefined {
    const current = this.get<T>(plural, namespace, name);
    if (current === undefined) return undefined;
    const before = JSON.stringify(current);
    change(current);
    if (JSON.stringify(current) === before) return current;
    return this.update(plural, current);
  }

  /** Removes an object for good (after any finalizers), sending DELETED to watchers. */
  remove(plural: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const k = key(plural, namespace, name);
    const previous = this.#objects.get(k);
    if (previous === undefined) return undefined;
    this.#objects.delete(k);
    const gone = structuredClone(previous);
    gone.metadata.resourceVersion = String(++this.#resourceVersion);
    this.#emit({ type: "DELETED", plural, object: gone, previous, resourceVersion: this.#resourceVersion });
    return structuredClone(gone);
  }

  /** Every stored object, for the garbage collector's owner lookups. */
  all(): Array<{ plural: string; object: KubeObject }> {
    return [...this.#objects].map(([k, object]) => ({ plural: k.slice(0, k.indexOf("/")), object }));
  }

  /** Changes after `resourceVersion`, or `undefined` when some have already been compacted away. */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion < this.#compactedThrough) return undefined;
    return this.#history.filter((e) => e.resourceVersion > resourceVersion);
  }

  /** Forgets the change history, as an etcd compaction does: older watches get 410 Gone. */
  compact(): void {
    this.#history.length = 0;
    this.#compactedThrough = this.#resourceVersion;
  }

  /** Called synchronously for every change, in resourceVersion order (watch streams). */
  watch(listener: Listener): () => void {
    this.#watchers.add(listener);
    return () => this.#watchers.delete(listener);
  }

  /** Called for every change after the change that caused it is complete (controllers). */
  onChange(listener: Listener): void {
    this.#controllers.push(listener);
  }

  #emit(event: StoreEvent): void {
    this.#history.push(event);
    while (this.#history.length > this.#window) {
      this.#compactedThrough = this.#history.shift()!.resourceVersion;
    }
    for (const watcher of [...this.#watchers]) watcher(event);
    this.#queue.push(event);
    if (this.#draining) return;
    this.#draining = true;
    try {
      // Controllers react one change at a time, so their own changes queue behind it.
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
        for (const controller of this.#controllers) controller(next);
      }
    } finally {
      this.#draining = false;
      this.#queue.length = 0;
    }
  }
}

function key(plural: string, namespace: string | undefined, name: string): string {
  return `${plural}/${namespace ?? ""}/${name}`;
}
