/**
 * Changed points in a row after which the replayed gate alerts even without the change-point
 * fit's confirmation (`compare.persistence` in maat.toml). Its own module: the config reads it
 * without loading the statistics.
 */
export const DEFAULT_GATE_PERSISTENCE = 6;
