import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { loadRepositoryConfig } from "../../config/index.js";
import { findRepoRoot, loadDescriptor } from "../../descriptor/index.js";
import type { Descriptor } from "../../descriptor/types.js";
import { UsageError } from "../../errors.js";
import { readSourceInfo } from "../../results/source-info.js";
import type { CheckoutInfo } from "../../runners/code-placement.js";
import { codeBundleLocation } from "../../runners/kubernetes/code/code-store.js";
import { createCodeSource } from "../../runners/kubernetes/code/deliver-code.js";
import type { CodeBundle } from "../../runners/kubernetes/code/make-bundle.js";
import { renderManifests, renderManifestsYaml, renderNotes } from "../../runners/kubernetes/render/index.js";
import { RunnerError } from "../../runners/runner.js";
import type { Command, CommandContext } from "../command.js";
import { parseCommandArgs } from "../parse-command-args.js";

const HELP = `maat render [--backend kubernetes] [--namespace NS] [--run-id ID] <descriptor>

Prints the Kubernetes manifests that would run the benchmark, as one YAML stream on
stdout, without touching a cluster: review them, or apply them yourself. In a git
checkout (run.code = "checkout", the default there) the pods get the code of the
checked-out commit: a ConfigMap with its bundle is part of the output (a bundle of
1 MiB or more goes through kubernetes.code_bucket instead). The header says how the
code arrives, and notes a scheduled benchmark.

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
    const repoRoot = findRepoRoot(context.cwd);
    const absolute = path.resolve(context.cwd, file);
    if ((await stat(absolute).catch(() => undefined))?.isDirectory()) {
      throw new UsageError(`${file} is a folder; give a descriptor file`, {
        hint: `Its descriptors: 'maat validate ${file}' lists them.`,
      });
    }
    const descriptor = await loadDescriptor(absolute, { repoRoot, displayPath: file });
    const config = await loadRepositoryConfig(repoRoot);
    const source = await readSourceInfo(repoRoot, context.env);
    const isGit = existsSync(path.join(repoRoot, ".git")) && source.commit !== undefined;
    const code = await codeFor(descriptor, { root: repoRoot, isGit }, config.kubernetes.codeBucket);
    const options = {
      runId: runId ?? `render-${descriptor.contentHash.slice(0, 8)}`,
      ...(namespace === undefined ? {} : { namespace }),
      ...(config.kubernetes.fetcherImage === undefined
        ? {}
        : { fetcherImage: config.kubernetes.fetcherImage }),
      ...(code === undefined ? {} : { code }),
    };
    const objects = renderManifests(descriptor, options);
    const notes = renderNotes(descriptor, code, objects[0]?.metadata.name ?? "");
    context.stdout.write(renderManifestsYaml(objects, notes));
    return 0;
  },
};

/**
 * The code the pods would get, as `maat run` would ship it: the bundle of the checked-out
 * commit in script mode. A bundle for S3 is not uploaded here; its URL is shown.
 */
async function codeFor(descriptor: Descriptor, checkout: CheckoutInfo, bucket: string | undefined) {
  const source = createCodeSource({
    checkout,
    ...(bucket === undefined
      ? {}
      : {
          store: async () => ({
            put: async (bundle: CodeBundle) => codeBundleLocation(bucket, bundle.sha256).url,
          }),
        }),
  });
  try {
    return await source(descriptor);
  } catch (error) {
    if (error instanceof RunnerError)
      throw new UsageError(error.message, error.hint === undefined ? {} : { hint: error.hint });
    throw error;
  }
}

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
