import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface HttpDataServer {
  url(path: string): string;
  /** Each request's path and Range header, in order. */
  seen: Array<{ path: string; range?: string }>;
  stop(): Promise<void>;
}

/** A loopback HTTP server with one handler per path; unknown paths answer 404. */
export async function startHttpDataServer(routes: Record<string, Route>): Promise<HttpDataServer> {
  const seen: HttpDataServer["seen"] = [];
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    seen.push({ path, ...(request.headers.range === undefined ? {} : { range: request.headers.range }) });
    const route = routes[path];
    if (route === undefined) {
      response.writeHead(404).end("not found");
      return;
    }
    route(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    seen,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Serves `body` whole, or the requested range when `ranges` is on (with a strong ETag). */
export function serveBody(body: Buffer, options: { ranges?: boolean; etag?: string } = {}): Route {
  const etag = options.etag ?? '"v1"';
  return (request, response) => {
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? "");
    const ifRange = request.headers["if-range"];
    if (options.ranges && range?.[1] !== undefined && (ifRange === undefined || ifRange === etag)) {
      const start = Number(range[1]);
      response.writeHead(206, {
        "content-length": body.byteLength - start,
        "content-range": `bytes ${start}-${body.byteLength - 1}/${body.byteLength}`,
        "accept-ranges": "bytes",
        etag,
      });
      response.end(body.subarray(start));
      return;
    }
    response.writeHead(200, {
      "content-length": body.byteLength,
      etag,
      ...(options.ranges ? { "accept-ranges": "bytes" } : {}),
    });
    response.end(body);
  };
}

/** Announces the whole body but sends only `bytes` of it, then drops the connection: `times` times, then `next`. */
export function truncateFirst(body: Buffer, bytes: number, times: number, next: Route): Route {
  let left = times;
  return (request, response) => {
    if (left <= 0) {
      next(request, response);
      return;
    }
    left--;
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? "");
    const start = range?.[1] === undefined ? 0 : Number(range[1]);
    response.writeHead(start > 0 ? 206 : 200, {
      "content-length": body.byteLength - start,
      etag: '"v1"',
      "accept-ranges": "bytes",
      ...(start > 0 ? { "content-range": `bytes ${start}-${body.byteLength - 1}/${body.byteLength}` } : {}),
    });
    response.write(body.subarray(start, start + bytes), () => response.socket?.destroy());
  };
}
