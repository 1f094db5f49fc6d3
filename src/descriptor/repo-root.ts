import { existsSync } from "node:fs";
import path from "node:path";

/** The nearest folder at or above `start` holding maat.toml or .git; `start` itself when none does. */
export function findRepoRoot(start: string): string {
  let current = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(current, "maat.toml")) || existsSync(path.join(current, ".git"))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(start);
    current = parent;
  }
}
