import { loadGitHubSpec } from "../openapi/spec.js";

/**
 * Some GitHub objects (repositories, workflow runs, comparisons) have 80+ required fields, most
 * of them URLs nobody reads. Rather than spell them out, start from the example GitHub publishes
 * in its OpenAPI description, re-pointed at the fake's repository, and override what matters.
 * The server's response self-check keeps these honest against the schema.
 */
export function fromExample(name: string, replacements: Array<[string, string]>): Record<string, unknown> {
  const example = loadGitHubSpec().components.examples[name];
  if (!example) throw new Error(`no example ${name} in GitHub's OpenAPI description`);
  let text = JSON.stringify(example.value);
  for (const [from, to] of replacements) text = text.replaceAll(from, to);
  return JSON.parse(text) as Record<string, unknown>;
}
