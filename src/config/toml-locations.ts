import type { AST } from "toml-eslint-parser";

/** A path into a TOML document: table keys and array indexes, as in `runners.rules[0].runs_on`. */
export type TomlPath = ReadonlyArray<string | number>;

export interface TomlPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * Maps every key, table header and array element of a parsed TOML document to where it is
 * written, so that a schema error on `/runners/rules/1/runs_on` can point at the user's line.
 */
export function indexTomlPositions(program: AST.TOMLProgram): Map<string, TomlPosition> {
  const positions = new Map<string, TomlPosition>();
  const record = (path: TomlPath, node: AST.TOMLNode) => {
    const key = pathKey(path);
    if (!positions.has(key))
      positions.set(key, { line: node.loc.start.line, column: node.loc.start.column + 1 });
  };
  const walkValue = (path: TomlPath, node: AST.TOMLContentNode) => {
    if (node.type === "TOMLArray") {
      node.elements.forEach((element, index) => {
        record([...path, index], element);
        walkValue([...path, index], element);
      });
    } else if (node.type === "TOMLInlineTable") {
      for (const entry of node.body) walkKeyValue(path, entry);
    }
  };
  const walkKeyValue = (prefix: TomlPath, entry: AST.TOMLKeyValue) => {
    const names = entry.key.keys.map(keyName);
    for (let i = 1; i <= names.length; i++) record([...prefix, ...names.slice(0, i)], entry.key);
    walkValue([...prefix, ...names], entry.value);
  };
  for (const node of program.body[0].body) {
    if (node.type === "TOMLKeyValue") {
      walkKeyValue([], node);
    } else {
      for (let i = 1; i <= node.resolvedKey.length; i++) record(node.resolvedKey.slice(0, i), node.key);
      for (const entry of node.body) walkKeyValue(node.resolvedKey, entry);
    }
  }
  return positions;
}

/** The position of `path`, or of its nearest written ancestor. */
export function findTomlPosition(
  positions: Map<string, TomlPosition>,
  path: TomlPath,
): TomlPosition | undefined {
  for (let length = path.length; length > 0; length--) {
    const found = positions.get(pathKey(path.slice(0, length)));
    if (found) return found;
  }
  return undefined;
}

/** "runners.rules[0].runs_on" */
export function formatTomlPath(path: TomlPath): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? part : `.${part}`;
  }
  return text;
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === "TOMLBare" ? key.name : key.value;
}

function pathKey(path: TomlPath): string {
  return JSON.stringify(path);
}
