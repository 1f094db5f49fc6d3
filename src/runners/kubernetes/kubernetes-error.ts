import { RunnerError, type RunnerPhase } from "../runner.js";

/**
 * The cluster refused or could not do what a repetition needs (forbidden, operator missing,
 * namespace absent, unreachable). A RunnerError, so the run records it as an `error` outcome
 * with this message and hint instead of crashing.
 */
export class KubernetesApiError extends RunnerError {
  /** The HTTP status of the API server's answer; undefined when it never answered. */
  readonly status: number | undefined;

  constructor(
    message: string,
    options: { status?: number; phase?: RunnerPhase; hint?: string; cause?: unknown },
  ) {
    super(message, { phase: options.phase ?? "prepare", hint: options.hint, cause: options.cause });
    this.status = options.status;
  }
}

/** The kubeconfig cannot be loaded or does not name a usable cluster / context. */
export class KubernetesConfigError extends RunnerError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { phase: "prepare", ...options });
  }
}
