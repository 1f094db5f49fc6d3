import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { Probe } from "../../descriptor/types.js";

export type Readiness = { ready: true } | { ready: false; reason: string };

export interface ReadinessOptions {
  /** Resolves when the server process has exited, with a phrase saying how. */
  serverExited: Promise<string>;
  signal?: AbortSignal;
  /** Probes allowed beyond failure_threshold before giving up (servers load models slowly). */
  allowanceProbes: number;
  /** No readiness probe declared: ready once the port accepts a TCP connection. */
  tcpOnly?: boolean;
  /**
   * A TCP connection counts only when the peer keeps it open this long: a port proxy (Docker's)
   * accepts at once and hangs up when nothing listens behind it. Default 0.
   */
  tcpHoldMs?: number;
}

/** Probe settings used when the descriptor declares none: a TCP connect to the first port. */
export function defaultProbe(port: number): Probe {
  return {
    path: "/",
    scheme: "http",
    port,
    initialDelaySeconds: 0,
    periodSeconds: 1,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
  };
}

/** The URL the local runner probes: the server runs on this machine. */
export function probeUrl(probe: Probe): string {
  const path = probe.path.startsWith("/") ? probe.path : `/${probe.path}`;
  return `${probe.scheme}://127.0.0.1:${probe.port}${path}`;
}

/**
 * The overall readiness deadline: Kubernetes keeps probing forever, a benchmark cannot, so it
 * waits the initial delay plus (failure_threshold + allowance) periods.
 */
export function readinessDeadlineMs(probe: Probe, allowanceProbes: number): number {
  const periods = probe.failureThreshold + probe.successThreshold + allowanceProbes;
  return (probe.initialDelaySeconds + probe.periodSeconds * periods) * 1000;
}

/**
 * Waits until `success_threshold` probes in a row answer 2xx or 3xx, as a kubelet would.
 * Fails, naming the probe and the last answer, when the server exits or the deadline passes.
 */
export async function waitUntilReady(probe: Probe, options: ReadinessOptions): Promise<Readiness> {
  const url = options.tcpOnly === true ? `tcp://127.0.0.1:${probe.port}` : probeUrl(probe);
  const deadline = performance.now() + readinessDeadlineMs(probe, options.allowanceProbes);
  let exited: string | undefined;
  void options.serverExited.then((how) => {
    exited = how;
  });
  let last = "no probe sent yet";
  let successes = 0;
  const pause = async (ms: number): Promise<void> => {
    const end = performance.now() + ms;
    while (performance.now() < end && exited === undefined && options.signal?.aborted !== true) {
      await sleep(Math.min(25, end - performance.now()));
    }
  };
  await pause(probe.initialDelaySeconds * 1000);
  for (;;) {
    if (options.signal?.aborted === true) return { ready: false, reason: "cancelled" };
    if (exited !== undefined) {
      return {
        ready: false,
        reason: `the server ${exited} before it became ready (probe ${url}; last result: ${last})`,
      };
    }
    if (performance.now() > deadline) {
      const waited = (readinessDeadlineMs(probe, options.allowanceProbes) / 1000).toFixed(1);
      return {
        ready: false,
        reason: `the server did not become ready within ${waited} s (probe ${url}; last result: ${last})`,
      };
    }
    last = options.tcpOnly
      ? await connectOnce(probe.port, probe.timeoutSeconds * 1000, options.tcpHoldMs ?? 0)
      : await probeOnce(url, probe.timeoutSeconds * 1000);
    successes = /^(HTTP [23]|connected)/.test(last) ? successes + 1 : 0;
    if (successes >= Math.max(1, probe.successThreshold)) return { ready: true };
    await pause(probe.periodSeconds * 1000);
  }
}

/** One GET; returns "HTTP 200" or the error ("connection refused", "timed out after 1 s"). */
function probeOnce(url: string, timeoutMs: number): Promise<string> {
  const request = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(url, { method: "GET", timeout: timeoutMs, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(`HTTP ${res.statusCode}`);
    });
    req.on("timeout", () => {
      req.destroy();
      resolve(`timed out after ${timeoutMs / 1000} s`);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      resolve(error.code === "ECONNREFUSED" ? "connection refused" : error.message);
    });
    req.end();
  });
}

function connectOnce(port: number, timeoutMs: number, holdMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: timeoutMs }, () => {
      if (holdMs <= 0) {
        socket.destroy();
        resolve("connected");
        return;
      }
      socket.setTimeout(0);
      const held = setTimeout(() => {
        socket.destroy();
        resolve("connected");
      }, holdMs);
      socket.once("close", () => {
        clearTimeout(held);
        resolve("connection closed by the peer at once (nothing listening behind the port?)");
      });
    });
    socket.on("timeout", () => {
      socket.destroy();
      resolve(`timed out after ${timeoutMs / 1000} s`);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      resolve(error.code === "ECONNREFUSED" ? "connection refused" : error.message);
    });
  });
}
