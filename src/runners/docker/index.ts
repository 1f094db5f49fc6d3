export { createDockerCli, type DockerCli } from "./docker-cli.js";
export { createDockerRunner, type DockerRunnerOptions } from "./docker-runner.js";
