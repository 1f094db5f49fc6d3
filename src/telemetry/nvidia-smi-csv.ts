/** The fields Maat asks nvidia-smi for, in this order. */
export const GPU_QUERY_FIELDS = [
  "index",
  "uuid",
  "name",
  "utilization.gpu",
  "utilization.memory",
  "memory.used",
  "memory.total",
  "power.draw",
  "temperature.gpu",
  "clocks.sm",
] as const;

export function nvidiaSmiArgs(intervalMs: number): string[] {
  return [
    `--query-gpu=${GPU_QUERY_FIELDS.join(",")}`,
    "--format=csv,noheader,nounits",
    `--loop-ms=${Math.max(1, Math.round(intervalMs))}`,
  ];
}

export interface GpuReading {
  index: number;
  uuid: string;
  name: string;
  utilization: number | null;
  memoryUtilization: number | null;
  memoryUsedMiB: number | null;
  memoryTotalMiB: number | null;
  powerW: number | null;
  temperatureC: number | null;
  smClockMHz: number | null;
}

/**
 * One row of `--format=csv,noheader,nounits` output. "[N/A]", "[Not Supported]" and other
 * bracketed answers become null; a line that is not a row (an error message) is returned as
 * `{ problem }`.
 *
 * @example parseGpuRow("0, GPU-1a, NVIDIA A100, 87, 40, 1200, 40960, 250.31, 61, 1410").powerW // 250.31
 */
export function parseGpuRow(line: string): GpuReading | { problem: string } {
  const fields = line.split(",").map((f) => f.trim());
  const index = Number(fields[0]);
  if (fields.length !== GPU_QUERY_FIELDS.length || !Number.isInteger(index) || fields[0] === "") {
    return { problem: line.trim() };
  }
  const number = (text: string | undefined) => {
    if (text === undefined || text.startsWith("[")) return null;
    const value = Number(text);
    return Number.isFinite(value) ? value : null;
  };
  return {
    index,
    uuid: fields[1] ?? "",
    name: fields[2] ?? "",
    utilization: number(fields[3]),
    memoryUtilization: number(fields[4]),
    memoryUsedMiB: number(fields[5]),
    memoryTotalMiB: number(fields[6]),
    powerW: number(fields[7]),
    temperatureC: number(fields[8]),
    smClockMHz: number(fields[9]),
  };
}
