import { chmod, writeFile } from "node:fs/promises";
import type { Descriptor } from "../../descriptor/types.js";
import { type CheckoutInfo, codeMode, WORKSPACE_PATH, workspaceDir } from "../code-placement.js";
import { joinCommand, splitArgs } from "../kubernetes/render/shell.js";
import type { RepetitionRequest } from "../runner.js";
import type { ContainerSpec, Mount } from "./container-spec.js";
import { gpusFlag, shmOption } from "./hardware-flags.js";
import type { DockerSettings } from "./settings.js";

/** Where the emit protocol's metrics file is mounted in every container. */
export const CONTAINER_METRICS_FILE = "/maat/metrics.jsonl";

/** The checkout at /workspace (read-only) and the working directory in it, or nothing in image mode. */
export function codeMounts(
  descriptor: Descriptor,
  request: RepetitionRequest,
  settings: { checkout: CheckoutInfo | undefined },
): { mounts: Mount[]; workdir?: string } {
  const checkout = settings.checkout;
  if (codeMode(descriptor, checkout) === "image" || checkout === undefined) return { mounts: [] };
  return {
    mounts: [{ source: checkout.root, target: WORKSPACE_PATH, readOnly: true }],
    workdir: workspaceDir(checkout.root, request.cwd),
  };
}

/** GPUs and shared memory for a container on `hardware`. */
export function hardware(
  hardware: Descriptor["hardware"] | { instanceType: string; gpusPerInstance?: number },
  env: { extendedShm: boolean },
  settings: Pick<DockerSettings, "docker">,
): Pick<ContainerSpec, "gpus" | "shm"> {
  const gpus = gpusFlag(hardware, settings.docker);
  const shm = shmOption(env.extendedShm, settings.docker.shmSize);
  return { ...(gpus === undefined ? {} : { gpus }), ...(shm === undefined ? {} : { shm }) };
}

/** `benchmark_code args` through /bin/sh -c, else the image's entrypoint with `args` as words. */
export function command(
  code: string | undefined,
  args: string | undefined,
): Pick<ContainerSpec, "command" | "args"> {
  if (code !== undefined && code.trim() !== "") return { command: joinCommand(code, args) };
  return { args: args === undefined ? [] : splitArgs(args) };
}

/** MAAT_DATA_PATH_<n>: where source n is inside the container. */
export function dataEnv(mounts: Mount[]): Record<string, string> {
  return Object.fromEntries(mounts.map((mount, i) => [`MAAT_DATA_PATH_${i + 1}`, mount.target]));
}

/** An empty metrics file any container user may append to. */
export async function emptyMetricsFile(path: string): Promise<string> {
  await writeFile(path, "");
  await chmod(path, 0o666);
  return path;
}
