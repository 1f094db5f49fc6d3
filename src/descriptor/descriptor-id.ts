/**
 * The stable id of a descriptor, from its path relative to the repository root. Path-based on
 * purpose: renaming the task inside the file does not orphan its baselines.
 *
 * @example descriptorId("benchmarks/resnet/descriptor.toml") // "resnet"
 * @example descriptorId("benchmarks/nlp/bert.toml") // "nlp-bert"
 */
export function descriptorId(relativePath: string): string {
  const id = relativePath
    .replaceAll("\\", "/")
    .replace(/^(\.\/)+/, "")
    .replace(/^benchmarks\//, "")
    .replace(/\.toml$/i, "")
    .replace(/\/descriptor$/, "")
    .replaceAll("/", "-")
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "")
    .replace(/^[._-]+|[._-]+$/g, "");
  return id === "" ? "descriptor" : id;
}
