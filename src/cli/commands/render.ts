import { stat } from "node:fs/promises";
import path from "node:path";
import { loadDescriptor } from "../../descriptor/index.js";
import { UsageError } from "../../errors.js";
import { renderManifests, renderManifestsYaml } from "../../runners/kubernetes/render/index.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";

const HELP = `maat render [--backend kubernetes] [--namespace NS] [--run-id ID] <descriptor>

Prints the Kubernetes manifests that would run the benchmark, as one YAML stream on
stdout, without touching a cluster: review them, or apply them yourself.

Options:
  --backend kubernetes  The backend to render for (only kubernetes renders manifests).
  --namespace NS        Write this namespace into every object (default: none, so
                        'kubectl apply -n NS' decides).
  --run-id ID           Run id used in names and labels (default: "render-" and a hash
                        of the descriptor, so the same input renders the same output).

Examples:
  maat render benchmarks/resnet/descriptor.toml
  maat render --namespace bench benchmarks/resnet/descriptor.toml | kubectl apply -f -`;

/** `maat render`: descriptor in, reviewable manifests out. */
export const renderCommand: Command = {
  name: "render",
  summary: "Print the Kubernetes manifests for a descriptor without running anything",
  help: HELP,
  async run(context: CommandContext): Promise<number> {
    const { backend, namespace, runId, file } = readArguments(context.argv);
    if (backend !== "kubernetes") {
      throw new UsageError(`maat render cannot render for backend "${backend}".`, {
        hint: "Only the kubernetes backend has manifests to render: use --backend kubernetes.",
      });
    }
    const absolute = path.resolve(context.cwd, file);
    if ((await stat(absolute).catch(() => undefined))?.isDirectory()) {
      throw new UsageError(`${file} is a folder; give a descriptor file`, {
        hint: `Its descriptors: 'maat validate ${file}' lists them.`,
      });
    }
    const descriptor = await loadDescriptor(absolute, { repoRoot: context.cwd, displayPath: file });
    const objects = renderManifests(descriptor, {
      runId: runId ?? `render-${descriptor.contentHash.slice(0, 8)}`,
      ...(namespace === undefined ? {} : { namespace }),
    });
    context.stdout.write(renderManifestsYaml(objects));
    return 0;
  },
};

function readArguments(argv: string[]) {
  const parsed = parseCommandArgs("render", argv, {
    backend: { type: "string" },
    namespace: { type: "string" },
    "run-id": { type: "string" },
  });
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    throw new UsageError("maat render takes exactly one descriptor file.", {
      hint: "Example: maat render benchmarks/resnet/descriptor.toml",
    });
  }
  const { backend = "kubernetes", namespace, "run-id": runId } = parsed.values;
  if (namespace !== undefined && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) {
    throw new UsageError(`--namespace "${namespace}" is not a valid Kubernetes namespace.`, {
      hint: "Use lowercase letters, digits and '-', at most 63 characters.",
    });
  }
  return { backend, namespace, runId, file };
}
