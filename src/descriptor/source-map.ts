import type { AST } from "toml-eslint-parser";
import { pathKey, type Segment } from "./field-path.js";

/** A 1-based position in the descriptor text. */
export interface Position {
  line: number;
  column: number;
}

interface Locations {
  key?: Position;
  value?: Position;
  header?: Position;
  /** The first header that created this table implicitly (`[a.b]` creates `a`). */
  implied?: Position;
}

/** What a problem points at: the value, the key that names it, or the table header that holds it. */
export type Anchor = "value" | "key" | "header";

/**
 * Where each key, value and table header of a descriptor sits in its text, by field path.
 * Built from toml-eslint-parser's AST because smol-toml keeps no positions.
 */
export class SourceMap {
  readonly #entries = new Map<string, Locations>();

  static fromProgram(program: AST.TOMLProgram): SourceMap {
    const map = new SourceMap();
    const top = program.body[0];
    for (const node of top.body) {
      if (node.type === "TOMLKeyValue") map.#visitKeyValue(node, []);
      else map.#visitTable(node);
    }
    return map;
  }

  /** The position for a problem at `path`, falling back to the nearest ancestor, then to 1:1. */
  locate(path: readonly Segment[], anchor: Anchor): Position {
    for (let end = path.length; end > 0; end--) {
      const found = this.#pick(
        this.#entries.get(pathKey(path.slice(0, end))),
        end === path.length ? anchor : "header",
      );
      if (found !== undefined) return found;
    }
    return { line: 1, column: 1 };
  }

  #pick(entry: Locations | undefined, anchor: Anchor): Position | undefined {
    if (entry === undefined) return undefined;
    if (anchor === "value") return entry.value ?? entry.key ?? entry.header;
    if (anchor === "key") return entry.key ?? entry.header ?? entry.value;
    // A table written inline has no header: its value position is where it starts.
    return entry.header ?? entry.implied ?? entry.value ?? entry.key;
  }

  #record(path: readonly Segment[], kind: keyof Locations, node: AST.HasLocs): void {
    const key = pathKey(path);
    const entry = this.#entries.get(key) ?? {};
    if (entry[kind] === undefined) entry[kind] = toPosition(node);
    this.#entries.set(key, entry);
  }

  #visitTable(table: AST.TOMLTable): void {
    const path = table.resolvedKey;
    const names = table.key.keys;
    // Each dotted part of the header names a table: `[server.env]` also locates `server`.
    names.forEach((part, i) => {
      this.#record(path.slice(0, i + 1), "key", part);
      this.#record(path.slice(0, i + 1), "implied", table);
    });
    if (table.kind === "array") this.#record(path.slice(0, names.length), "header", table);
    this.#record(path, "header", table);
    for (const keyValue of table.body) this.#visitKeyValue(keyValue, path);
  }

  #visitKeyValue(node: AST.TOMLKeyValue, base: readonly Segment[]): void {
    const names = node.key.keys.map(keyName);
    node.key.keys.forEach((part, i) => {
      this.#record([...base, ...names.slice(0, i + 1)], "key", part);
    });
    const path = [...base, ...names];
    this.#visitValue(node.value, path);
  }

  #visitValue(node: AST.TOMLContentNode, path: readonly Segment[]): void {
    this.#record(path, "value", node);
    if (node.type === "TOMLInlineTable") {
      for (const keyValue of node.body) this.#visitKeyValue(keyValue, path);
    } else if (node.type === "TOMLArray") {
      node.elements.forEach((element, i) => {
        this.#visitValue(element, [...path, i]);
      });
    }
  }
}

function keyName(node: AST.TOMLBare | AST.TOMLQuoted): string {
  return node.type === "TOMLBare" ? node.name : node.value;
}

function toPosition(node: AST.HasLocs): Position {
  // toml-eslint-parser columns are 0-based; editors and compilers count from 1.
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}
