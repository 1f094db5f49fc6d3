import { posix, relative, sep } from "node:path";
import type { Descriptor } from "../descriptor/types.js";

/** Where the checkout (or the code bundle of its commit) lives in every container. */
export const WORKSPACE_PATH = "/workspace";

/** The code under test as a runner sees it: which commit, from which folder. */
export interface CheckoutInfo {
  /** The repository root on this machine. */
  root: string;
  /** True when the root is a git checkout (so `run.code` defaults to "checkout"). */
  isGit: boolean;
  commit?: string;
  dirty?: boolean;
}

/** Pure. `run.code` as written, else "checkout" in a git checkout, else "image". */
export function codeMode(descriptor: Descriptor, checkout: CheckoutInfo | undefined): "checkout" | "image" {
  return descriptor.run.code ?? (checkout?.isGit === true ? "checkout" : "image");
}

/**
 * Pure. The working directory in a container for a descriptor folder: the same folder under
 * /workspace, so `benchmark_code = "python train.py"` finds train.py as it does locally.
 *
 * Example: root /repo, folder /repo/benchmarks/resnet -> "/workspace/benchmarks/resnet".
 */
export function workspaceDir(root: string, descriptorDir: string): string {
  const inside = relative(root, descriptorDir).split(sep).join("/");
  return inside === "" ? WORKSPACE_PATH : posix.join(WORKSPACE_PATH, inside);
}
