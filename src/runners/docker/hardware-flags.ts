import type { RepositoryConfig } from "../../config/types.js";
import { acceleratorsFor } from "../kubernetes/instance-types.js";

/**
 * Pure. The `--gpus` value for a container: the descriptor's `hardware.gpus_per_instance`
 * when written, else maat.toml's `docker.gpus`, else "all" when the instance type has NVIDIA
 * GPUs (the runner is that machine), else none. Undefined means no GPU flag.
 *
 * Example: `gpusFlag({ instanceType: "p3.8xlarge" }, {})` is "all"; with
 * `gpusPerInstance: 2` it is "2".
 */
export function gpusFlag(
  hardware: { instanceType: string; gpusPerInstance?: number },
  docker: Pick<RepositoryConfig["docker"], "gpus">,
): string | undefined {
  if (hardware.gpusPerInstance !== undefined) {
    return hardware.gpusPerInstance > 0 ? String(hardware.gpusPerInstance) : undefined;
  }
  if (docker.gpus !== undefined) {
    if (docker.gpus === "none" || docker.gpus === 0) return undefined;
    return String(docker.gpus);
  }
  return acceleratorsFor(hardware.instanceType)?.resource === "nvidia.com/gpu" ? "all" : undefined;
}

/**
 * Pure. Shared memory for `extended_shm = true`: Docker's default /dev/shm is 64 MiB, too
 * small for data loaders; maat.toml's `docker.shm_size` sets the size, or "host" shares the
 * host's IPC namespace (`--ipc=host`, as NVIDIA's containers suggest).
 */
export function shmOption(
  extendedShm: boolean,
  shmSize: string,
): { size: string } | { ipcHost: true } | undefined {
  if (!extendedShm) return undefined;
  return shmSize === "host" ? { ipcHost: true } : { size: shmSize };
}
