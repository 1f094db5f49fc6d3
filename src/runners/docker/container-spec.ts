/** Everything `docker create` needs for one container of a run; turned into arguments by `createArgs`. */
export interface ContainerSpec {
  name: string;
  image: string;
  labels: Record<string, string>;
  /** Passed by name (`-e NAME`); the values travel in the CLI's environment, not on its command line. */
  env: Record<string, string>;
  mounts: Mount[];
  /** Working directory inside the container; absent: the image's. */
  workdir?: string;
  /** `--network`; absent: Docker's default. */
  network?: string;
  /** Container ports published on 127.0.0.1 at ports Docker picks (for readiness probes from this host). */
  publish?: number[];
  /** `--gpus` value ("all", "2"); absent: no GPUs. */
  gpus?: string;
  /** Shared memory: a `--shm-size`, or the host's IPC namespace. */
  shm?: { size: string } | { ipcHost: true };
  privileged: boolean;
  /** A shell command line, run as `/bin/sh -c` (the image's entrypoint is replaced, as on Kubernetes). */
  command?: string;
  /** Without a command: arguments for the image's own entrypoint. */
  args?: string[];
}

export interface Mount {
  source: string;
  target: string;
  readOnly: boolean;
}

/**
 * Pure. The `docker create` command line for a spec. Bind mounts use `--mount`, which fails
 * on a missing source instead of creating an empty directory as `-v` would.
 *
 * Example: `createArgs({ name: "maat-x", image: "node:24", gpus: "all", ... })` gives
 * `["create", "--name", "maat-x", ..., "--gpus", "all", ..., "node:24"]`.
 */
export function createArgs(spec: ContainerSpec): string[] {
  const args = ["create", "--name", spec.name, "--init"];
  for (const [key, value] of Object.entries(spec.labels)) args.push("--label", `${key}=${value}`);
  for (const name of Object.keys(spec.env).sort()) args.push("--env", name);
  for (const mount of spec.mounts) {
    const options = [`type=bind`, `source=${mount.source}`, `target=${mount.target}`];
    if (mount.readOnly) options.push("readonly");
    args.push("--mount", options.map(escapeMountOption).join(","));
  }
  if (spec.workdir !== undefined) args.push("--workdir", spec.workdir);
  if (spec.network !== undefined) args.push("--network", spec.network);
  for (const port of spec.publish ?? []) args.push("--publish", `127.0.0.1::${port}`);
  if (spec.gpus !== undefined) args.push("--gpus", spec.gpus);
  if (spec.shm !== undefined) {
    if ("ipcHost" in spec.shm) args.push("--ipc", "host");
    else args.push("--shm-size", spec.shm.size);
  }
  if (spec.privileged) args.push("--privileged");
  if (spec.command !== undefined) {
    args.push("--entrypoint", "/bin/sh", spec.image, "-c", spec.command);
  } else {
    args.push(spec.image, ...(spec.args ?? []));
  }
  return args;
}

/** `--mount` is comma-separated CSV: a value with a comma or quote is quoted, quotes doubled. */
function escapeMountOption(option: string): string {
  return /[",]/.test(option) ? `"${option.replace(/"/g, '""')}"` : option;
}
