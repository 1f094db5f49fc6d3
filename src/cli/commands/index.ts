import type { Command } from "../command.js";

/** Every `maat` command, in the order `maat --help` lists them. */
export const commands: Command[] = [];
