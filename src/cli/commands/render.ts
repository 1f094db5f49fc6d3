import path from "node:path";
import { parseArgs } from "node:util";
import { loadDescriptor } from "../../descriptor/index.js";
import { UsageError } from "../../errors.js";
import { renderManifests, renderManifestsYaml } from "../../runners/kubernetes/render/index.js";
import type { Command, CommandContext } from "../command.js";

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
  help: HELP,
  async run(context: CommandContext): Promise<number> {
    const { backend, namespace, runId, file } = readArguments(context.argv);
    if (backend !== "kubernetes") {
      throw new UsageError(`maat render cannot render for backend "${backend}".`, {
        hint: "Only the kubernetes backend has manifests to render: use --backend kubernetes.",
      });
    }
    const descriptor = await loadDescriptor(path.resolve(context.cwd, file), { repoRoot: context.cwd });
    const objects = renderManifests(descriptor, {
      runId: runId ?? `render-${descriptor.contentHash.slice(0, 8)}`,
      ...(namespace === undefined ? {} : { namespace }),
    });
    context.stdout.write(renderManifestsYaml(objects));
    return 0;
  },
};

function readArguments(argv: string[]) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), {
      hint: "Run 'maat render --help' for the options.",
    });
  }
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

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      backend: { type: "string" },
      namespace: { type: "string" },
      "run-id": { type: "string" },
    },
  });
}
