import { MaatError } from "../errors.js";

/** The planner was asked for something that cannot be planned (an unknown benchmark, a matrix too big). */
export class PlanError extends MaatError {}
