import type { ServerResponse } from "node:http";
import { nanoTimestamp } from "../clock.js";
import type { LogBook, LogStream } from "../cluster/logbook.js";
import { resource } from "../resources.js";
import { badRequest, notFound } from "../status.js";
import type { Store } from "../store.js";
import type { Container } from "../types.js";

/**
 * `GET /api/v1/namespaces/<ns>/pods/<name>/log`: the container's output as text, with
 * `container`, `tailLines`, `sinceTime`, `sinceSeconds`, `timestamps`, and `follow=true`
 * streaming new lines until the container exits (or the pod is deleted).
 */
export function serveLogs(
  store: Store,
  logs: LogBook,
  target: { namespace: string; name: string; query: URLSearchParams },
  res: ServerResponse,
): void {
  const { namespace, name, query } = target;
  const pod = store.get("pods", namespace, name);
  if (pod === undefined) throw notFound(resource("pods"), name);
  const containers = (pod.spec.containers as Container[]).map((c) => c.name);
  const container = query.get("container") ?? (containers.length === 1 ? containers[0]! : undefined);
  if (container === undefined) {
    throw badRequest(
      `a container name must be specified for pod ${name}, choose one of: [${containers.join(" ")}]`,
    );
  }
  if (!containers.includes(container))
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  const status = (pod.status.containerStatuses ?? []).find((s: { name: string }) => s.name === container);
  const waiting = status?.state?.waiting;
  if (status === undefined || (waiting && status.restartCount === 0)) {
    const reason = waiting?.reason ?? "ContainerCreating";
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
  }

  const stream = logs.stream(namespace, name, container);
  const withTime = query.get("timestamps") === "true";
  const format = (line: LogStream["lines"][number]) =>
    `${withTime ? `${nanoTimestamp(line.time)} ` : ""}${line.text}\n`;
  const sinceTime = query.get("sinceTime");
  const sinceSeconds = query.get("sinceSeconds");
  const since = sinceTime
    ? Date.parse(sinceTime)
    : sinceSeconds
      ? Date.now() - Number(sinceSeconds) * 1000
      : undefined;
  let lines = stream.lines.filter((l) => since === undefined || l.time.getTime() >= since);
  const tail = query.get("tailLines");
  if (tail !== null) lines = lines.slice(Math.max(0, lines.length - Number(tail)));

  res.writeHead(200, { "content-type": "text/plain", "transfer-encoding": "chunked" });
  for (const line of lines) res.write(format(line));
  if (query.get("follow") !== "true" || stream.ended) {
    res.end();
    return;
  }
  let sent = stream.lines.length;
  const unsubscribe = logs.subscribe(namespace, name, container, () => {
    for (; sent < stream.lines.length; sent++) res.write(format(stream.lines[sent]!));
    if (stream.ended) finish();
  });
  const stopOnDelete = store.watch((event) => {
    if (
      event.plural === "pods" &&
      event.type === "DELETED" &&
      event.object.metadata.name === name &&
      event.object.metadata.namespace === namespace
    ) {
      finish();
    }
  });
  const finish = () => {
    unsubscribe();
    stopOnDelete();
    res.end();
  };
  res.on("close", () => {
    unsubscribe();
    stopOnDelete();
  });
}
