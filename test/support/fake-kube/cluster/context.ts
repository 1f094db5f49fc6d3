import type { Store } from "../store.js";
import type { LogBook } from "./logbook.js";

/** What controllers and helpers share: the objects and the container logs. */
export interface ClusterContext {
  store: Store;
  logs: LogBook;
}
