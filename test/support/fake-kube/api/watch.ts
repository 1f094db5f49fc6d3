import type { ServerResponse } from "node:http";
import type { ResourceType } from "../resources.js";
import { parseFieldSelector, parseLabelSelector } from "../selectors.js";
import { expired, type StatusError } from "../status.js";
import type { Store } from "../store.js";
import type { KubeObject, StoreEvent } from "../types.js";

interface OpenWatch {
  end(error?: StatusError, abruptly?: boolean): void;
}

export interface WatchRequest {
  resource: ResourceType;
  namespace?: string;
  name?: string;
  query: URLSearchParams;
}

/**
 * Watch streams: newline-delimited `{type, object}` events over a chunked response, with
 * replay from `resourceVersion`, selectors, bookmarks, `timeoutSeconds`, and 410 `Expired`
 * as an ERROR event when the requested version is older than the retained history.
 */
export class WatchHub {
  readonly #store: Store;
  readonly #open = new Set<OpenWatch>();
  readonly #bookmarkMs: number;

  constructor(store: Store, options: { bookmarkIntervalMs?: number } = {}) {
    this.#store = store;
    this.#bookmarkMs = options.bookmarkIntervalMs ?? 1000;
  }

  get openCount(): number {
    return this.#open.size;
  }

  serve(req: WatchRequest, res: ServerResponse): void {
    const { resource, namespace, query } = req;
    const labels = parseLabelSelector(query.get("labelSelector") ?? undefined);
    const fieldSelector = [query.get("fieldSelector"), req.name && `metadata.name=${req.name}`]
      .filter(Boolean)
      .join(",");
    const fields = parseFieldSelector(fieldSelector);
    const matches = (o: KubeObject | undefined) =>
      o !== undefined &&
      (namespace === undefined || o.metadata.namespace === namespace) &&
      labels(o.metadata.labels) &&
      fields(o);
    res.writeHead(200, {
      "content-type": "application/json",
      "transfer-encoding": "chunked",
      "cache-control": "no-cache",
    });
    res.flushHeaders();
    const send = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);

    const timers: NodeJS.Timeout[] = [];
    let unsubscribe = () => {};
    const watch: OpenWatch = {
      end: (error, abruptly) => {
        if (!this.#open.delete(watch)) return;
        unsubscribe();
        for (const t of timers) clearTimeout(t);
        if (abruptly) {
          res.destroy();
          return;
        }
        if (error) send("ERROR", error.status);
        res.end();
      },
    };
    this.#open.add(watch);
    res.on("close", () => watch.end());

    const deliver = (event: StoreEvent) => {
      if (event.plural !== resource.plural) return;
      const now = matches(event.object);
      const before = event.previous !== undefined && matches(event.previous);
      // An object that starts or stops matching the selectors appears as ADDED or DELETED.
      if (event.type === "MODIFIED" && now && !before) send("ADDED", event.object);
      else if (event.type === "MODIFIED" && !now && before) send("DELETED", event.object);
      else if (now) send(event.type, event.object);
    };

    const from = query.get("resourceVersion");
    if (from === null || from === "" || from === "0") {
      for (const object of this.#store.list(resource.plural, namespace))
        if (matches(object)) send("ADDED", object);
    } else {
      const events = this.#store.eventsSince(Number(from));
      if (events === undefined) {
        watch.end(expired(Number(from), this.#store.compactedThrough + 1));
        return;
      }
      for (const event of events) deliver(event);
    }
    unsubscribe = this.#store.watch(deliver);

    if (query.get("allowWatchBookmarks") === "true") {
      const bookmark = () => {
        send("BOOKMARK", {
          kind: resource.kind,
          apiVersion: resource.group === "" ? resource.version : `${resource.group}/${resource.version}`,
          metadata: { resourceVersion: String(this.#store.resourceVersion) },
        });
        timers.push(setTimeout(bookmark, this.#bookmarkMs));
      };
      timers.push(setTimeout(bookmark, this.#bookmarkMs));
    }
    const timeout = Number(query.get("timeoutSeconds") ?? 0);
    if (timeout > 0) timers.push(setTimeout(() => watch.end(), timeout * 1000));
  }

  /** Compacts the history and ends every open watch with a 410 Expired ERROR event. */
  expire(): void {
    this.#store.compact();
    const oldest = this.#store.compactedThrough + 1;
    for (const watch of [...this.#open]) watch.end(expired(oldest - 1, oldest));
  }

  /** Destroys every open watch connection mid-stream. */
  drop(): void {
    for (const watch of [...this.#open]) watch.end(undefined, true);
  }

  closeAll(): void {
    for (const watch of [...this.#open]) watch.end();
  }
}
