import { formatProblem, parseDescriptor } from "../../src/descriptor/index.js";

export const FILE = "benchmarks/resnet/descriptor.toml";

/** The smallest valid descriptor: lines 1-8, so cases can append from line 9. */
export const MINIMAL = `spec_version = "0.1.0"
[info]
description = "A benchmark"
[hardware]
instance_type = "p3.8xlarge"
strategy = "single_node"
[env]
docker_image = "user/repo:tag"
`;

/** Every problem of a descriptor text, formatted as the CLI prints it. */
export function problemsOf(text: string): string[] {
  return parseDescriptor(text, { file: FILE }).problems.map((p) => formatProblem(p));
}

export function warningsOf(text: string): string[] {
  return parseDescriptor(text, { file: FILE }).warnings.map((p) => formatProblem(p, "warning"));
}

/** The normalized descriptor of a text that must be valid. */
export function descriptorOf(text: string, file = FILE) {
  const result = parseDescriptor(text, { file });
  if (result.descriptor === undefined)
    throw new Error(result.problems.map((p) => formatProblem(p)).join("\n"));
  return result.descriptor;
}
