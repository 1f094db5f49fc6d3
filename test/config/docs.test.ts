import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import schema from "../../schema/config.schema.json" with { type: "json" };

/** Every key the schema accepts, as `table.key` (or `key` at the top level). */
function schemaKeys(): string[] {
  const keys: string[] = [];
  for (const [name, table] of Object.entries(schema.properties)) {
    if (!("properties" in table)) {
      keys.push(name);
      continue;
    }
    for (const [key, value] of Object.entries(table.properties)) {
      keys.push(`${name}.${key}`);
      const items = (value as { items?: { properties?: object } }).items;
      for (const sub of Object.keys(items?.properties ?? {})) keys.push(`${name}.${key}.${sub}`);
    }
  }
  return keys;
}

describe("docs/config.md", () => {
  it("documents every key of the config schema", async () => {
    const docs = await readFile(new URL("../../docs/config.md", import.meta.url), "utf8");
    const missing = schemaKeys().filter((key) => !docs.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });
});
