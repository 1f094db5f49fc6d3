import { MaatError } from "../../../errors.js";

/** A descriptor that cannot become Kubernetes objects (a strategy with no operator, a bad value). */
export class KubernetesRenderError extends MaatError {}
