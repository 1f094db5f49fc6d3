import type { Descriptor } from "../../../descriptor/types.js";
import type { CheckoutInfo } from "../../code-placement.js";
import { codeMode } from "../../code-placement.js";
import { RunnerError } from "../../runner.js";
import type { CodeDelivery } from "../render/code-fetch.js";
import type { CodeBundleStore } from "./code-store.js";
import { makeCodeBundle } from "./make-bundle.js";

/** ConfigMaps hold at most 1 MiB; stay below it with room for the object's metadata. */
export const CONFIGMAP_BUNDLE_LIMIT = 1_000_000;

/**
 * The code delivery for a descriptor: none in image mode; else the bundle of the checkout's
 * commit, as a ConfigMap when it is small enough, else uploaded to the store. Bundles are
 * made once per set of paths for the life of the returned function.
 */
export function createCodeSource(options: {
  checkout: CheckoutInfo | undefined;
  /** Made on first need (loads the S3 client only then). */
  store?: () => Promise<CodeBundleStore>;
  limit?: number;
}): (descriptor: Descriptor) => Promise<CodeDelivery | undefined> {
  const bundles = new Map<string, Promise<CodeDelivery>>();
  const limit = options.limit ?? CONFIGMAP_BUNDLE_LIMIT;
  return async (descriptor) => {
    const checkout = options.checkout;
    if (codeMode(descriptor, checkout) === "image") return undefined;
    if (checkout === undefined || !checkout.isGit) {
      throw new RunnerError(
        `${descriptor.path}: run.code = "checkout" on Kubernetes needs a git checkout with a commit`,
        {
          phase: "prepare",
          hint: 'the pods get the code of the commit under test: commit it, or set run.code = "image" when the image holds the code',
        },
      );
    }
    const paths = descriptor.run.codePaths ?? [];
    const key = paths.join("\0");
    let delivery = bundles.get(key);
    if (delivery === undefined) {
      delivery = deliver(checkout.root, paths, limit, options.store);
      bundles.set(key, delivery);
      delivery.catch(() => bundles.delete(key));
    }
    return delivery;
  };
}

async function deliver(
  root: string,
  paths: string[],
  limit: number,
  store: (() => Promise<CodeBundleStore>) | undefined,
): Promise<CodeDelivery> {
  const bundle = await makeCodeBundle(root, paths);
  const commit = bundle.commit;
  const facts = { commit, sha256: bundle.sha256, size: bundle.data.length };
  if (bundle.data.length < limit) return { ...facts, kind: "configmap", data: bundle.data };
  if (store === undefined) {
    const mib = (bundle.data.length / 1024 / 1024).toFixed(2);
    throw new RunnerError(
      `the code bundle of commit ${commit} is ${mib} MiB, too large for a ConfigMap (1 MiB)`,
      {
        phase: "prepare",
        hint: "set kubernetes.code_bucket in maat.toml to carry it through S3, or list only the paths the benchmark needs in run.code_paths",
      },
    );
  }
  return { ...facts, kind: "s3", url: await (await store()).put(bundle) };
}
