import type { Backend } from "../config/types.js";
import { PlanError } from "./plan-error.js";
import type { PlanEntry, RunPlan } from "./types.js";

/** GitHub runs at most 256 jobs from one matrix. */
export const MAX_MATRIX_JOBS = 256;
/** A job's outputs are capped at 1 MB in all; leave room for the other outputs. */
export const MAX_MATRIX_BYTES = 900_000;

/**
 * One job of `strategy.matrix`. `descriptors`/`benchmarks` always list what the job runs;
 * `descriptor`/`benchmark` are set too when it runs exactly one.
 */
export interface MatrixEntry {
  name: string;
  descriptors: string[];
  benchmarks: string[];
  /** `runs-on` labels, keyed as the workflow uses them: `runs-on: ${{ matrix.runs-on }}`. */
  "runs-on": string[];
  backend: Backend;
  descriptor?: string;
  benchmark?: string;
}

/**
 * The plan as `strategy.matrix` JSON (`fromJSON(needs.plan.outputs.matrix)`). Up to
 * `maxJobs` entries give one job per benchmark. Beyond that, benchmarks that share a runner
 * and backend are packed into jobs of several, using the smallest pack size that fits, so
 * one job never mixes runners. Throws PlanError when the result cannot fit GitHub's limits.
 * An empty plan gives `{ include: [] }`, which GitHub rejects: guard the job on it.
 */
export function toMatrix(
  plan: Pick<RunPlan, "entries">,
  options: { maxJobs?: number; maxBytes?: number } = {},
): { include: MatrixEntry[] } {
  const maxJobs = options.maxJobs ?? MAX_MATRIX_JOBS;
  const maxBytes = options.maxBytes ?? MAX_MATRIX_BYTES;
  const groups = groupByRunner(plan.entries);
  if (groups.length > maxJobs) {
    throw new PlanError(
      `the plan needs ${groups.length} different runners, more than ${maxJobs} matrix jobs`,
      {
        hint: "merge runner rules in maat.toml, or split the descriptors across workflows",
      },
    );
  }
  let packSize = 1;
  while (groups.reduce((jobs, g) => jobs + Math.ceil(g.length / packSize), 0) > maxJobs) packSize++;
  const include = groups.flatMap((group) => packGroup(group, packSize));
  const bytes = Buffer.byteLength(JSON.stringify({ include }), "utf8");
  if (bytes > maxBytes) {
    throw new PlanError(
      `the run matrix is ${bytes} bytes, more than the ${maxBytes} a job output can carry`,
      {
        hint: "split the descriptors across workflows (the `descriptors` globs of maat.toml) or shorten their paths",
      },
    );
  }
  return { include };
}

function groupByRunner(entries: PlanEntry[]): PlanEntry[][] {
  const groups = new Map<string, PlanEntry[]>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.runsOn, entry.backend]);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()];
}

/** Splits one runner's entries into ceil(n / packSize) jobs whose sizes differ by at most one. */
function packGroup(group: PlanEntry[], packSize: number): MatrixEntry[] {
  const jobs = Math.ceil(group.length / packSize);
  const result: MatrixEntry[] = [];
  let start = 0;
  for (let job = 0; job < jobs; job++) {
    const size = Math.floor(group.length / jobs) + (job < group.length % jobs ? 1 : 0);
    result.push(toMatrixEntry(group.slice(start, start + size)));
    start += size;
  }
  return result;
}

function toMatrixEntry(pack: PlanEntry[]): MatrixEntry {
  const first = pack[0]!;
  const entry: MatrixEntry = {
    name: pack.length === 1 ? first.benchmark : `${first.benchmark} +${pack.length - 1} more`,
    descriptors: pack.map((e) => e.descriptor),
    benchmarks: pack.map((e) => e.benchmark),
    "runs-on": first.runsOn,
    backend: first.backend,
  };
  if (pack.length === 1) {
    entry.descriptor = first.descriptor;
    entry.benchmark = first.benchmark;
  }
  return entry;
}
