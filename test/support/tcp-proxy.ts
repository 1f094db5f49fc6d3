import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy on 127.0.0.1 in front of a loopback server, standing in for that server going
 * away: `cutAfter(bytes)` drops every connection and stops listening once that many response
 * bytes went through; `restart()` listens on the same port again.
 */
export interface TcpProxy {
  port: number;
  endpoint: string;
  /** Response bytes forwarded so far. */
  forwarded: number;
  cutAfter(bytes: number): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let limit = Number.POSITIVE_INFINITY;
  let server: Server;
  let cut: Promise<void> | undefined;
  let onCut: () => void = () => undefined;
  const proxy: TcpProxy = {
    port: 0,
    endpoint: "",
    forwarded: 0,
    cutAfter(bytes) {
      limit = proxy.forwarded + bytes;
      cut = new Promise((resolve) => {
        onCut = resolve;
      });
      return cut;
    },
    async restart() {
      limit = Number.POSITIVE_INFINITY;
      server = listen();
      await new Promise<void>((resolve) => server.listen(proxy.port, "127.0.0.1", resolve));
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
  const shutDown = () => {
    for (const socket of sockets) socket.destroy();
    if (server.listening) server.close(() => onCut());
    else onCut();
  };
  const listen = () =>
    createServer((client) => {
      const upstream = connect(targetPort, "127.0.0.1");
      sockets.add(client);
      sockets.add(upstream);
      client.on("close", () => sockets.delete(client));
      upstream.on("close", () => sockets.delete(upstream));
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      client.pipe(upstream);
      upstream.on("data", (chunk: Buffer) => {
        if (proxy.forwarded >= limit) return;
        const room = limit - proxy.forwarded;
        const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
        proxy.forwarded += part.byteLength;
        client.write(part);
        if (proxy.forwarded >= limit) shutDown();
      });
      upstream.on("end", () => client.end());
    });
  server = listen();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no proxy port");
  proxy.port = address.port;
  proxy.endpoint = `http://127.0.0.1:${address.port}`;
  return proxy;
}
