/** Quotes `text` for a POSIX shell: 'it'\''s'. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command and arguments joined as the spec says: "called as benchmark_code, plus the args". */
export function joinCommand(command: string, args?: string): string {
  return [command.trim(), args?.trim() ?? ""].filter((part) => part !== "").join(" ");
}

/**
 * Splits an argument string the way a shell would for plain words and quotes
 * (no expansion): `--a=1 "b c"` -> ["--a=1", "b c"]. Used when the image's entrypoint runs.
 */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let current = "";
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === "\\" && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === "\\" && i + 1 < text.length) {
      current += text[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) args.push(current);
      current = "";
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord) args.push(current);
  return args;
}
