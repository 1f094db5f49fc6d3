/** The facts of the workflow run an action step works in (from the GitHub Actions environment). */
export interface WorkflowContext {
  eventName: string;
  /** The webhook payload of the event that started the workflow. */
  payload: Record<string, unknown>;
  /** owner/name */
  repository: string;
  sha: string;
  ref: string;
  workflow: string;
  workflowRef: string;
  runId: string;
  runUrl: string;
  serverUrl: string;
  apiUrl: string;
  workspace: string;
}

/** Where an action step reports: outputs, the job summary, annotations, logs. */
export interface StepReporter {
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  /** An annotation on a file line (validation problems of descriptors). */
  annotate(
    level: "error" | "warning",
    message: string,
    at?: { file: string; line?: number; column?: number },
  ): void;
  info(message: string): void;
  /** A notice annotation: shown on the run's summary page, neither a warning nor an error. */
  notice(message: string): void;
  warning(message: string): void;
  group<T>(name: string, work: () => Promise<T>): Promise<T>;
  setFailed(message: string): void;
}
