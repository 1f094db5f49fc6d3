import type { Table } from "./raw-access.js";
import type { Probe } from "./types.js";

/** Kubernetes' probe defaults, as the descriptor specification documents them. */
export const PROBE_DEFAULTS = {
  scheme: "http",
  initialDelaySeconds: 10,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

/**
 * A probe from its URL form ("http://localhost:8080/iamhere") or its table form, with defaults.
 * A URL without a port, like a table without one, probes the server's first port.
 */
export function normalizeProbe(raw: string | Table, firstPort: number): Probe {
  if (typeof raw === "string") {
    const url = new URL(raw);
    return {
      ...PROBE_DEFAULTS,
      path: `${url.pathname}${url.search}`,
      scheme: url.protocol === "https:" ? "https" : "http",
      port: url.port === "" ? firstPort : Number(url.port),
    };
  }
  const number = (key: string, fallback: number): number =>
    typeof raw[key] === "number" ? raw[key] : fallback;
  return {
    path: String(raw.path),
    scheme: raw.scheme === "https" ? "https" : "http",
    port: number("port", firstPort),
    initialDelaySeconds: number("initial_delay_seconds", PROBE_DEFAULTS.initialDelaySeconds),
    periodSeconds: number("period_seconds", PROBE_DEFAULTS.periodSeconds),
    // The specification's field table spells it "timout_seconds"; both are accepted.
    timeoutSeconds: number("timeout_seconds", number("timout_seconds", PROBE_DEFAULTS.timeoutSeconds)),
    successThreshold: number("success_threshold", PROBE_DEFAULTS.successThreshold),
    failureThreshold: number("failure_threshold", PROBE_DEFAULTS.failureThreshold),
  };
}
