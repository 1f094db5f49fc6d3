import { stringify } from "yaml";
import type { KubernetesObject } from "./types.js";

/**
 * A multi-document YAML stream (`---` between objects) for `kubectl apply -f -`, opening
 * with a comment that names the descriptor and the run.
 */
export function renderManifestsYaml(objects: KubernetesObject[], notes: string[] = []): string {
  const first = objects[0];
  const annotations = first?.metadata.annotations ?? {};
  const labels = first?.metadata.labels ?? {};
  const header = [
    "# Rendered by Maat: kubectl apply -f - (or -n NAMESPACE) creates them in this order.",
    `# Descriptor: ${annotations["maat.dev/descriptor-path"] ?? "unknown"} (benchmark ${labels["maat.dev/benchmark"] ?? "unknown"}, run ${labels["maat.dev/run-id"] ?? "unknown"})`,
    ...notes.map((note) => `# ${note}`),
  ].join("\n");
  const documents = objects.map((object) => stringify(object, { lineWidth: 0 }).trimEnd());
  return `${header}\n${documents.map((doc) => `---\n${doc}`).join("\n")}\n`;
}
