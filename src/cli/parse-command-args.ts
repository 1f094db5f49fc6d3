import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { UsageError } from "../errors.js";

/**
 * `node:util` parseArgs with Maat's usage errors: an unknown flag or a missing value
 * becomes a `UsageError` (exit 2) that points at the command's help.
 */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  command: string,
  argv: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`, {
      hint: `Run 'maat ${command} --help'.`,
    });
  }
}

/** A positive number flag such as `--sigma 3`; undefined when absent. */
export function positiveNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`--${flag} must be a positive number, got "${text}"`);
  return value;
}

/** A positive whole number flag such as `--max-runs 100`. */
export function positiveInteger(flag: string, text: string | undefined): number | undefined {
  const value = positiveNumber(flag, text);
  if (value !== undefined && !Number.isInteger(value)) {
    throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  }
  return value;
}

/** A ratio flag written as `0.02` or `2%`. */
export function ratio(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const percent = text.endsWith("%");
  const value = positiveNumber(flag, percent ? text.slice(0, -1) : text);
  return value === undefined ? undefined : percent ? value / 100 : value;
}
