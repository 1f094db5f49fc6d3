/** One container's output: lines with the time they were written, and whether it has exited. */
export interface LogStream {
  lines: { time: Date; text: string }[];
  ended: boolean;
}

type Listener = () => void;

/** Container logs by pod and container, as the kubelet keeps them, with listeners for `follow`. */
export class LogBook {
  readonly #streams = new Map<string, LogStream>();
  readonly #listeners = new Map<string, Set<Listener>>();

  stream(namespace: string, pod: string, container: string): LogStream {
    const k = `${namespace}/${pod}/${container}`;
    let stream = this.#streams.get(k);
    if (stream === undefined) {
      stream = { lines: [], ended: false };
      this.#streams.set(k, stream);
    }
    return stream;
  }

  append(namespace: string, pod: string, container: string, lines: readonly string[]): void {
    const stream = this.stream(namespace, pod, container);
    const now = new Date();
    for (const text of lines) stream.lines.push({ time: now, text });
    this.#notify(namespace, pod, container);
  }

  /** Forgets a pod's logs, for a new pod that reuses a name (MPI workers, PyTorchJob replicas). */
  reset(namespace: string, pod: string): void {
    for (const k of [...this.#streams.keys()])
      if (k.startsWith(`${namespace}/${pod}/`)) this.#streams.delete(k);
  }

  /** Marks every container of a pod as exited, which ends `follow` streams. */
  endPod(namespace: string, pod: string, containers: readonly string[]): void {
    for (const container of containers) {
      this.stream(namespace, pod, container).ended = true;
      this.#notify(namespace, pod, container);
    }
  }

  /** Calls `listener` after each change to the stream; returns the unsubscribe function. */
  subscribe(namespace: string, pod: string, container: string, listener: Listener): () => void {
    const k = `${namespace}/${pod}/${container}`;
    const set = this.#listeners.get(k) ?? new Set();
    set.add(listener);
    this.#listeners.set(k, set);
    return () => set.delete(listener);
  }

  #notify(namespace: string, pod: string, container: string): void {
    for (const listener of [...(this.#listeners.get(`${namespace}/${pod}/${container}`) ?? [])]) listener();
  }
}
