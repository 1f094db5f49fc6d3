import { describe, expect, it } from "vitest";
import { parseRepositoryConfig, type RepositoryConfig, runnerFor } from "../../src/config/index.js";
import { makeDescriptor } from "../plan/make-descriptor.js";

function config(text: string): RepositoryConfig {
  const { config, problems } = parseRepositoryConfig(text, "maat.toml");
  if (config === undefined) throw new Error(JSON.stringify(problems));
  return config;
}

const FLEET = config(`
[runners]
default = ["self-hosted", "linux"]

[[runners.rules]]
instance_type = "p3.*"
runs_on = ["self-hosted", "gpu", "v100"]

[[runners.rules]]
instance_types = ["p3.16xlarge", "g5.*"]
runs_on = ["never-reached-for-p3"]
backend = "kubernetes"

[kubernetes]
instance_types = ["p4d.*"]
`);

describe("runnerFor", () => {
  it("routes an instance type to the labels of the first matching rule", () => {
    const choice = runnerFor(FLEET, makeDescriptor("b/a.toml", { instanceType: "p3.16xlarge" }));
    expect(choice).toEqual({ runsOn: ["self-hosted", "gpu", "v100"], backend: "local", rule: 0 });
  });

  it("takes the backend of the matching rule", () => {
    expect(runnerFor(FLEET, makeDescriptor("b/a.toml", { instanceType: "g5.xlarge" })).backend).toBe(
      "kubernetes",
    );
  });

  it("falls back to the default labels when no rule matches", () => {
    const choice = runnerFor(FLEET, makeDescriptor("b/a.toml", { instanceType: "t3.medium" }));
    expect(choice).toEqual({ runsOn: ["self-hosted", "linux"], backend: "local" });
  });

  it("sends kubernetes.instance_types to the cluster", () => {
    expect(runnerFor(FLEET, makeDescriptor("b/a.toml", { instanceType: "p4d.24xlarge" })).backend).toBe(
      "kubernetes",
    );
  });

  it("lets the descriptor's own backend override the rule", () => {
    const descriptor = makeDescriptor("b/a.toml", { instanceType: "g5.xlarge", backend: "local" });
    expect(runnerFor(FLEET, descriptor).backend).toBe("local");
  });
});
