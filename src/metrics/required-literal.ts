/**
 * The longest run of plain ASCII characters that every match of `pattern` must contain, found
 * without running the regular expression. The extractor searches log bytes for it first
 * (a memchr-speed scan) and decodes and runs the regex only on lines that contain it.
 * Returns undefined when no such run can be proven (alternation at the top level, say); the
 * pattern then runs on every line. Only text outside groups and classes is considered.
 *
 * @example requiredLiteral("loss=([0-9.]+)") // "loss="
 */
export function requiredLiteral(pattern: string): string | undefined {
  const runs: string[] = [];
  let current = "";
  const endRun = (): void => {
    if (current !== "") runs.push(current);
    current = "";
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "|") return undefined;
    if (c === "\\") {
      const next = pattern[i + 1];
      if (next === undefined || "xucpPk".includes(next)) return undefined;
      i += 2;
      // \d, \s, \b, back-references and friends match a class of characters, not themselves.
      if (/[A-Za-z0-9]/.test(next)) endRun();
      else current += next;
      continue;
    }
    if (c === "[" || c === "(") {
      endRun();
      const close = c === "[" ? skipClass(pattern, i) : skipGroup(pattern, i);
      if (close < 0) return undefined;
      i = close + 1;
      continue;
    }
    const quantifierEnd = quantifierEndAt(pattern, i);
    if (quantifierEnd > i) {
      // The atom before a quantifier may be absent or repeated: it cannot join the run.
      const kept = current.slice(0, -1);
      current = "";
      if (kept !== "") runs.push(kept);
      i = pattern[quantifierEnd] === "?" ? quantifierEnd + 1 : quantifierEnd;
      continue;
    }
    if (c === ")" || ".^$".includes(c) || c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20) {
      endRun();
      i++;
      continue;
    }
    current += c;
    i++;
  }
  endRun();
  let best: string | undefined;
  for (const run of runs) if (best === undefined || run.length > best.length) best = run;
  return best;
}

/** Index just past a quantifier starting at i (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`), or i when there is none. */
function quantifierEndAt(pattern: string, i: number): number {
  const c = pattern[i];
  if (c === "*" || c === "+" || c === "?") return i + 1;
  if (c !== "{") return i;
  const match = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i, i + 24));
  return match === null ? i : i + match[0].length;
}

/** Index of the `]` closing the class that opens at i, or -1. */
function skipClass(pattern: string, i: number): number {
  let j = i + 1;
  while (j < pattern.length) {
    if (pattern[j] === "\\") j += 2;
    else if (pattern[j] === "]") return j;
    else j++;
  }
  return -1;
}

/** Index of the `)` closing the group that opens at i, or -1. */
function skipGroup(pattern: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < pattern.length) {
    const c = pattern[j];
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (c === "[") {
      j = skipClass(pattern, j);
      if (j < 0) return -1;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return j;
    j++;
  }
  return -1;
}
