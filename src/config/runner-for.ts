import picomatch from "picomatch";
import type { Descriptor } from "../descriptor/types.js";
import type { Backend, RepositoryConfig } from "./types.js";

export interface RunnerChoice {
  /** `runs-on` labels of the job that runs (or, on Kubernetes, drives) the benchmark. */
  runsOn: string[];
  backend: Backend;
  /** The rule that matched, by index in `runners.rules`; undefined: the default runner. */
  rule?: number;
}

/**
 * Where a descriptor runs. The first rule whose instance-type globs match
 * `hardware.instance_type` gives the labels (else `runners.default`). The backend is the
 * descriptor's own `run.backend`, else the rule's, else kubernetes when the instance type
 * matches `kubernetes.instance_types`, else local.
 */
export function runnerFor(config: RepositoryConfig, descriptor: Descriptor): RunnerChoice {
  const instanceType = descriptor.hardware.instanceType;
  const index = config.runners.rules.findIndex((rule) => picomatch.isMatch(instanceType, rule.instanceTypes));
  const rule = index === -1 ? undefined : config.runners.rules[index];
  const onCluster =
    config.kubernetes.instanceTypes.length > 0 &&
    picomatch.isMatch(instanceType, config.kubernetes.instanceTypes);
  const backend: Backend = descriptor.run.backend ?? rule?.backend ?? (onCluster ? "kubernetes" : "local");
  return {
    runsOn: [...(rule?.runsOn ?? config.runners.default)],
    backend,
    ...(index === -1 ? {} : { rule: index }),
  };
}
