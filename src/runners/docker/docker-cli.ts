import { type ChildProcess, spawn } from "node:child_process";
import { RunnerError, type RunnerPhase } from "../runner.js";

export interface DockerResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The Docker CLI as the runner uses it: one binary, one environment (DOCKER_HOST and friends). */
export interface DockerCli {
  readonly binary: string;
  /** Runs `docker ...args` to the end and captures its output; never throws for a non-zero exit. */
  exec(
    args: string[],
    options?: { env?: Record<string, string>; signal?: AbortSignal },
  ): Promise<DockerResult>;
  /** Starts `docker ...args` in its own process group, output piped (for `docker start -a`). */
  spawn(args: string[]): ChildProcess;
  /** Like exec, but a non-zero exit becomes a RunnerError naming the command and Docker's message. */
  check(args: string[], phase: RunnerPhase, options?: { env?: Record<string, string> }): Promise<string>;
}

/**
 * A DockerCli over the `docker` binary. `env` is the environment every call gets; a call may
 * add variables (the container's, passed by name with `-e NAME` so values never show in `ps`).
 */
export function createDockerCli(binary: string, env: Record<string, string | undefined>): DockerCli {
  const baseEnv = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const cli: DockerCli = {
    binary,
    exec(args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(binary, args, {
          env: { ...baseEnv, ...options.env },
          stdio: ["ignore", "pipe", "pipe"],
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          stdout += chunk;
        });
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
          stderr += chunk;
        });
        child.once("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT") reject(missingCli(binary, error));
          else if (error.name === "AbortError") resolve({ code: null, stdout, stderr });
          else reject(error);
        });
        child.once("close", (code) => resolve({ code, stdout, stderr }));
      });
    },
    spawn(args) {
      // Its own process group: a Ctrl-C at the terminal reaches Maat, which stops the container itself.
      return spawn(binary, args, { env: baseEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    },
    async check(args, phase, options = {}) {
      const result = await cli.exec(args, options);
      if (result.code === 0) return result.stdout.trim();
      throw new RunnerError(`docker ${args[0]} failed: ${firstLines(result.stderr || result.stdout)}`, {
        phase,
        hint: hintFor(result.stderr),
      });
    },
  };
  return cli;
}

function missingCli(binary: string, cause: unknown): RunnerError {
  return new RunnerError(`the Docker CLI "${binary}" was not found`, {
    phase: "prepare",
    hint: "install Docker (or set docker.cli in maat.toml), or run with --backend local",
    cause,
  });
}

/** What to do about the usual engine-side failures. */
export function hintFor(stderr: string): string | undefined {
  if (
    /Cannot connect to the Docker daemon|docker daemon is not running|connect: no such file/i.test(stderr)
  ) {
    return "start the Docker engine (dockerd) or point DOCKER_HOST at one, or run with --backend local";
  }
  if (/permission denied.*docker\.sock/i.test(stderr)) {
    return "this user may not use the Docker engine: add it to the docker group, or run with --backend local";
  }
  if (
    /could not select device driver.*gpu|nvidia-container-cli|unknown or invalid runtime name: nvidia/i.test(
      stderr,
    )
  ) {
    return 'the engine cannot give containers GPUs: install the NVIDIA Container Toolkit, or set docker.gpus = "none" in maat.toml';
  }
  return undefined;
}

/** Docker's message without its noise: the first three non-empty lines. */
export function firstLines(text: string): string {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return lines.length === 0 ? "(no message)" : lines.slice(0, 3).join(" / ");
}
