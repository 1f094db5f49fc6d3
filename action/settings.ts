import * as core from "@actions/core";
import { UsageError } from "../src/errors.js";

export type ActionCommand = "plan" | "run" | "report" | "baseline";

/** Every input of action.yml, read once and typed. Nothing else reads inputs. */
export interface ActionSettings {
  command: ActionCommand;
  descriptorGlobs: string[];
  descriptors: string[];
  configPath: string;
  token: string;
  failOnRegression: boolean | undefined;
  comment: boolean;
  repetitions: number | "auto" | undefined;
  benchmarks: string[];
  resultsDir: string;
  baselinesDir: string;
  runnerLabels: string[];
  baselineMode: "push" | "pull_request" | undefined;
  backend: "local" | "docker" | "kubernetes" | undefined;
  /** run: push receipts to the results store; undefined: when maat.toml names one. */
  pushResults: boolean | undefined;
  /** report/baseline: pull this run's receipts from the results store first; undefined: likewise. */
  pullResults: boolean | undefined;
}

const COMMANDS: ActionCommand[] = ["plan", "run", "report", "baseline"];

export function readSettings(): ActionSettings {
  const command = core.getInput("command", { required: true }).trim();
  if (!COMMANDS.includes(command as ActionCommand)) {
    throw new UsageError(`input "command" must be one of ${COMMANDS.join(", ")} (got "${command}")`);
  }
  const token = core.getInput("github-token");
  if (token) core.setSecret(token);
  return {
    command: command as ActionCommand,
    descriptorGlobs: core.getMultilineInput("descriptors"),
    descriptors: splitList(core.getInput("descriptor")),
    configPath: core.getInput("config") || "maat.toml",
    token,
    failOnRegression: optionalBoolean("fail-on-regression"),
    comment: optionalBoolean("comment") ?? true,
    repetitions: readRepetitions(core.getInput("repetitions")),
    benchmarks: splitList(core.getInput("benchmarks") || "all"),
    resultsDir: core.getInput("results-dir") || ".maat/results",
    baselinesDir: core.getInput("baselines-dir") || "baselines",
    runnerLabels: readLabels(core.getInput("runner-labels")),
    baselineMode: oneOf("baseline-mode", ["push", "pull_request"]),
    backend: oneOf("backend", ["local", "docker", "kubernetes"]),
    pushResults: optionalBoolean("push-results"),
    pullResults: optionalBoolean("pull-results"),
  };
}

function optionalBoolean(name: string): boolean | undefined {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === "") return undefined;
  if (["true", "yes", "1"].includes(value)) return true;
  if (["false", "no", "0"].includes(value)) return false;
  throw new UsageError(`input "${name}" must be true or false (got "${value}")`);
}

function readRepetitions(value: string): number | "auto" | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (trimmed === "auto") return "auto";
  const count = Number(trimmed);
  if (!Number.isInteger(count) || count < 1) {
    throw new UsageError(`input "repetitions" must be a whole number >= 1 or auto (got "${trimmed}")`);
  }
  return count;
}

function oneOf<T extends string>(name: string, allowed: T[]): T | undefined {
  const value = core.getInput(name).trim();
  if (value === "") return undefined;
  if (!allowed.includes(value as T)) {
    throw new UsageError(`input "${name}" must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

/** `runner-labels` comes as toJSON(matrix.runs-on): a JSON array or a single string. */
function readLabels(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === "") return [];
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed)) return parsed.map(String);
    return [String(parsed)];
  } catch {
    return splitList(trimmed);
  }
}

function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
