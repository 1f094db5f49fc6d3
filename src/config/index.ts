export { ConfigError, formatConfigProblem } from "./config-error.js";
export { DEFAULT_CONFIG } from "./defaults.js";
export { CONFIG_FILE, loadRepositoryConfig } from "./load-config.js";
export { parseRepositoryConfig } from "./parse-config.js";
export { type RunnerChoice, runnerFor } from "./runner-for.js";
export type { Backend, ConfigProblem, RepositoryConfig, RunnerRule, Toleration } from "./types.js";
