import sparkly from "sparkly";

/** How many values a sparkline shows at most: the newest ones. */
export const SPARKLINE_WIDTH = 20;

/**
 * A small inline chart of values for a terminal table, `▃▅▇▆▄`, newest last, one character
 * per value; "" when there is nothing to draw. Non-finite values are gaps.
 *
 * @example sparkline([1, 3, 2, 5]) // "▁▄▃█"
 */
export function sparkline(values: readonly number[], width = SPARKLINE_WIDTH): string {
  const shown = values.slice(-width);
  if (!shown.some(Number.isFinite)) return "";
  return sparkly([...shown]);
}

/**
 * A baseline's recent run means, then `│` and this run, drawn on one scale so the last
 * character shows where this run lands against the history.
 *
 * @example trendSparkline([100, 101, 99, 100], 90) // "████│▁" (the drop stands out)
 */
export function trendSparkline(
  history: readonly number[],
  current: number | undefined,
  width = SPARKLINE_WIDTH,
): string {
  const past = history.filter(Number.isFinite).slice(-(width - 1));
  if (current === undefined || !Number.isFinite(current)) return sparkline(past, width);
  if (past.length === 0) return "";
  const all = [...past, current];
  const line = sparkly(all, { minimum: Math.min(...all), maximum: Math.max(...all) });
  return `${line.slice(0, -1)}│${line.slice(-1)}`;
}
