export { CODE_CONFIGMAP_KEY, type CodeDelivery } from "./code-fetch.js";
export { type Owner, withOwner } from "./owner.js";
export { KubernetesRenderError } from "./render-error.js";
export { renderManifests } from "./render-manifests.js";
export { renderNotes } from "./render-notes.js";
export { renderManifestsYaml } from "./render-yaml.js";
export {
  DEFAULT_FETCHER_IMAGE,
  DEFAULT_TTL_SECONDS_AFTER_FINISHED,
  type KubernetesObject,
  type RenderOptions,
} from "./types.js";
