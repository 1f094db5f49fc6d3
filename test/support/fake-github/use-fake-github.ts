import { afterEach, beforeEach, expect } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "./index.js";

/**
 * A fresh fake GitHub for each test of the file, holding ml-team/models, closed after it; a test
 * fails if any request it made broke GitHub's OpenAPI description. Read it with the getter.
 */
export function useFakeGitHub(): () => FakeGitHub {
  let github: FakeGitHub | undefined;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.state.addRepo({ owner: "ml-team", repo: "models", defaultBranch: "main" });
  });
  afterEach(async () => {
    expect(github!.violations).toEqual([]);
    await github!.close();
  });
  return () => github!;
}
