/** Says what the user wrote, briefly, for "(got ...)" in messages. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  if (value instanceof Date) return "a date";
  if (Array.isArray(value)) return "an array";
  if (value === null || value === undefined) return "nothing";
  return "a table";
}

const TYPE_PHRASES: Record<string, string> = {
  string: "a string",
  integer: "a whole number",
  number: "a number",
  boolean: "true or false",
  object: "a table",
  array: "an array",
};

/** "a string or a whole number" for a JSON Schema type or list of types. */
export function describeTypes(types: unknown): string {
  const list = Array.isArray(types) ? types : [types];
  return list.map((t) => TYPE_PHRASES[String(t)] ?? String(t)).join(" or ");
}
