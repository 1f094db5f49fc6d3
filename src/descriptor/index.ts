export { canonicalJson, contentHash } from "./content-hash.js";
export { descriptorId } from "./descriptor-id.js";
export {
  type FindDescriptorFilesOptions,
  type FoundDescriptor,
  findDescriptorFiles,
  findDescriptors,
} from "./find-descriptor-files.js";
export { inferDirection } from "./infer-direction.js";
export { type LoadDescriptorOptions, loadDescriptor, validateDescriptorFile } from "./load-descriptor.js";
export { type DescriptorResult, type ParseDescriptorOptions, parseDescriptor } from "./parse-descriptor.js";
export { DescriptorError, type DescriptorProblem, formatProblem } from "./problem.js";
export { findRepoRoot } from "./repo-root.js";
export type * from "./types.js";
export { descriptorSchema } from "./validate-schema.js";
