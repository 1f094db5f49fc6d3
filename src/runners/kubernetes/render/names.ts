import { sha256Hex } from "../../../sha256.js";

const MAX_BASE = 40; // leaves room for suffixes the operators add ("-launcher", "-worker-12", pod hashes)

/**
 * The DNS-1035 base name of a run's objects: the benchmark id and a short run id, e.g.
 * `resnet50-train-3f9a1c2e`. Always starts with a letter, so it is also a valid Service name.
 */
export function baseName(benchmarkId: string, runId: string): string {
  const run = shortRunId(runId);
  let id = dnsLabel(benchmarkId);
  const room = MAX_BASE - run.length - 1;
  if (id.length > room) id = `${id.slice(0, room - 5).replace(/-+$/, "")}-${shortHash(benchmarkId, 4)}`;
  const name = id === "" ? run : `${id}-${run}`;
  return /^[a-z]/.test(name) ? name : `m-${name}`.slice(0, MAX_BASE);
}

/** The last 8 letters/digits of a run id (its random part), or a hash when it has none. */
export function shortRunId(runId: string): string {
  const compact = runId.toLowerCase().replace(/[^a-z0-9]/g, "");
  return compact.length === 0 ? shortHash(runId, 8) : compact.slice(-8);
}

/** A lowercase name of [a-z0-9-], no leading/trailing or doubled dashes. */
export function dnsLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A valid label value (<= 63 chars, alphanumeric at both ends, `-_.` inside). */
export function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
}

export function shortHash(text: string, length: number): string {
  return sha256Hex(text).slice(0, length);
}
