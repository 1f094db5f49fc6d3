export { type Owner, withOwner } from "./owner.js";
export { KubernetesRenderError } from "./render-error.js";
export { renderManifests } from "./render-manifests.js";
export { renderManifestsYaml } from "./render-yaml.js";
export {
  DEFAULT_FETCHER_IMAGE,
  DEFAULT_TTL_SECONDS_AFTER_FINISHED,
  type KubernetesObject,
  type RenderOptions,
} from "./types.js";
