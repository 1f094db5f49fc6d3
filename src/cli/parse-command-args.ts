import type { ParseArgsOptionsConfig, parseArgs } from "node:util";
import { builtinModule } from "../builtin-module.js";
import { suggestClosest } from "../descriptor/suggest.js";
import { UsageError } from "../errors.js";

/** A value that reads as a number, such as `-1` or `-0.5`: a value, never an option. */
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i;

/**
 * `node:util` parseArgs with Maat's usage errors. Node's own messages ("argument is
 * ambiguous", "place it at the end of the command after '--'") are replaced by one sentence
 * naming the option and what to do: an unknown option gets the closest known one, a missing
 * value says so, and a negative number is taken as a value (`--sigma -1`), so the command's
 * own check can say why it is wrong.
 */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  command: string,
  argv: readonly string[],
  options: T,
) {
  const parsed = builtinModule("node:util").parseArgs({
    args: [...argv],
    options,
    allowPositionals: true,
    allowNegative: true,
    strict: false,
    tokens: true,
  });
  const help = `Run 'maat ${command} --help' for the options.`;
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    const config = options[token.name];
    if (config === undefined) throw unknownOption(command, token.rawName, Object.keys(options));
    const raw = token.rawName;
    if (config.type === "boolean") {
      if (token.value !== undefined)
        throw new UsageError(`${command}: ${raw} takes no value`, { hint: help });
      continue;
    }
    if (token.value === undefined) {
      throw new UsageError(`${command}: ${raw} needs a value`, { hint: `Write ${raw} VALUE. ${help}` });
    }
    if (!token.inlineValue && token.value.startsWith("-") && !NUMBER.test(token.value)) {
      throw new UsageError(`${command}: ${raw} needs a value, but ${token.value} follows it`, {
        hint: `Give ${raw} a value; write ${raw}=${token.value} if that is the value.`,
      });
    }
  }
  // Every option was checked against its declared type above.
  return parsed as unknown as ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>>;
}

function unknownOption(command: string, raw: string, known: string[]): UsageError {
  const names = known.flatMap((name) => [`--${name}`, `--no-${name}`]);
  const closest = suggestClosest(raw.startsWith("--") ? raw : `-${raw}`, names);
  const help = `Run 'maat ${command} --help' for the options.`;
  return new UsageError(`${command}: unknown option ${raw}`, {
    hint: closest === undefined ? help : `Did you mean ${closest}? ${help}`,
  });
}

/** A subcommand name that is not one of `known`: the closest one, and the list. */
export function unknownSubcommand(command: string, given: string | undefined, known: string[]): UsageError {
  const closest = given === undefined ? undefined : suggestClosest(given, known);
  const list = `Subcommands: ${known.join(", ")}. Run 'maat ${command} --help'.`;
  return new UsageError(
    given === undefined ? `${command}: name a subcommand` : `${command}: unknown subcommand "${given}"`,
    { hint: closest === undefined ? list : `Did you mean '${command} ${closest}'? ${list}` },
  );
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
