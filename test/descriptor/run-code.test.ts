import { describe, expect, it } from "vitest";
import { descriptorOf, MINIMAL, problemsOf } from "./helpers.js";

describe("run.backend, run.code and run.code_paths", () => {
  it("read the Docker backend, the code mode and the bundle's paths", () => {
    const descriptor = descriptorOf(
      `${MINIMAL}[run]\nbackend = "docker"\ncode = "image"\ncode_paths = ["benchmarks/resnet", "src"]\n`,
    );
    expect(descriptor.run).toMatchObject({
      backend: "docker",
      code: "image",
      codePaths: ["benchmarks/resnet", "src"],
    });
    expect(descriptorOf(MINIMAL).run.code).toBeUndefined();
  });

  it("refuse an unknown mode and paths outside the repository, naming the line", () => {
    const problems = problemsOf(`${MINIMAL}[run]\ncode = "git"\ncode_paths = ["../secrets", "/etc"]\n`);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^benchmarks\/resnet\/descriptor\.toml:10:\d+: run\.code: /);
    expect(problems.slice(1).join("\n")).toMatch(/run\.code_paths\[0\].*\n.*run\.code_paths\[1\]/);
  });
});
