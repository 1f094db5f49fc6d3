import type { Descriptor } from "../../../descriptor/types.js";
import type { CodeDelivery } from "./code-fetch.js";

/**
 * Pure. What a reviewer of `maat render` output should know that the objects do not say:
 * how the code under test gets into the pods, and that a scheduled benchmark is rendered
 * for one run (the workflow's schedule starts it, there is no CronJob).
 */
export function renderNotes(descriptor: Descriptor, code: CodeDelivery | undefined, name: string): string[] {
  const notes: string[] = [];
  if (code === undefined) {
    notes.push(
      `Code: from the image ${descriptor.env.dockerImage} (run.code = "image"): the image must hold the benchmark's code.`,
    );
  } else {
    const size = `${(code.size / 1024).toFixed(1)} KiB`;
    const via =
      code.kind === "configmap"
        ? `the ConfigMap ${name}-code (last object below)`
        : `${code.url} (maat run uploads it there first)`;
    notes.push(
      `Code: commit ${code.commit}, a ${size} bundle with sha256 ${code.sha256}, from ${via};`,
      "  init container unpack-code checks the sha256 and unpacks it at /workspace, the working directory is the descriptor's folder there.",
    );
  }
  const scheduling = descriptor.info.scheduling;
  if (scheduling !== "single_run") {
    notes.push(
      `Scheduled (info.scheduling = "${scheduling}"): rendered as one run, not a CronJob; the workflow's schedule starts each run (see maat plan --schedule).`,
    );
  }
  return notes;
}
