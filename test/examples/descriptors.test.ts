import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { BENCHMARKS, REPO_ROOT, readDescriptor } from "./helpers.js";

const examples = readdirSync(BENCHMARKS).filter((name) =>
  statSync(path.join(BENCHMARKS, name)).isDirectory(),
);

describe("example descriptors", () => {
  it("exist", () => {
    expect(examples.sort()).toEqual(
      expect.arrayContaining(["hello-world", "inference-http", "pytorch-train-cpu"]),
    );
  });

  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, "schema", "descriptor.schema.json"), "utf8"));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it.each(examples)("%s is valid against schema/descriptor.schema.json", (example) => {
    const descriptor = JSON.parse(JSON.stringify(readDescriptor(example)));
    const valid = validate(descriptor);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(examples)("%s: every pattern compiles and has exactly one capture group", (example) => {
    for (const metric of readDescriptor(example).output.metrics as { name: string; pattern?: string }[]) {
      if (metric.pattern === undefined) continue;
      const groups = new RegExp(`${metric.pattern}|`).exec("")!.length - 1;
      expect(groups, metric.name).toBe(1);
    }
  });
});
