/** Careful reads of parsed TOML whose shape is not yet known to be valid. */

export type Table = Record<string, unknown>;

export function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function tableAt(table: unknown, key: string): Table | undefined {
  if (!isTable(table)) return undefined;
  const value = table[key];
  return isTable(value) ? value : undefined;
}

export function stringAt(table: unknown, key: string): string | undefined {
  if (!isTable(table)) return undefined;
  const value = table[key];
  return typeof value === "string" ? value : undefined;
}

/** The tables of an array (non-tables skipped), each with its index in the array. */
export function tablesAt(table: unknown, key: string): Array<[Table, number]> {
  if (!isTable(table)) return [];
  const value = table[key];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i): Array<[Table, number]> => (isTable(item) ? [[item, i]] : []));
}
