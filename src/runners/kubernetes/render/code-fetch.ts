import type { V1ConfigMap, V1Container, V1Volume, V1VolumeMount } from "@kubernetes/client-node";
import type { Descriptor } from "../../../descriptor/types.js";
import { WORKSPACE_PATH } from "../../code-placement.js";
import { objectMeta } from "./metadata.js";
import { shellQuote } from "./shell.js";
import { DEFAULT_FETCHER_IMAGE, type KubernetesObject, type RenderOptions } from "./types.js";

/**
 * The code of one commit on its way to the pods: a gzipped `git archive`, carried by a
 * ConfigMap owned by the run (small bundles) or an object in S3 (`kubernetes.code_bucket`).
 */
export type CodeDelivery = {
  commit: string;
  /** sha256 (hex) of the bundle; the pod checks it before unpacking. */
  sha256: string;
  size: number;
} & ({ kind: "configmap"; data: Buffer } | { kind: "s3"; url: string });

/** What the pods of a run need for the code: volumes, init containers, a mount and a working directory. */
export interface CodePlan {
  volumes: V1Volume[];
  initContainers: V1Container[];
  mount: V1VolumeMount;
  workingDir: string;
}

const BUNDLE_DIR = "/maat/code-bundle";
const BUNDLE_FILE = "code.tar.gz";
export const CODE_CONFIGMAP_KEY = BUNDLE_FILE;

/** The ConfigMap that carries a small bundle: `<run name>-code`, the bundle as binaryData. */
export function codeConfigMap(
  name: string,
  descriptor: Descriptor,
  options: RenderOptions,
  code: CodeDelivery & { kind: "configmap" },
): KubernetesObject & V1ConfigMap {
  const meta = objectMeta(`${name}-code`, descriptor, options, "code");
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      ...meta,
      annotations: {
        ...meta.annotations,
        "maat.dev/code-commit": code.commit,
        "maat.dev/code-sha256": code.sha256,
      },
    },
    binaryData: { [BUNDLE_FILE]: code.data.toString("base64") },
  };
}

/**
 * Pure. How a pod whose container runs `image` gets the code: the bundle reaches
 * /maat/code-bundle (from the ConfigMap, or downloaded from S3 by the fetcher image), is
 * checked against its sha256 and unpacked into an emptyDir at /workspace by the container's
 * own image (it needs sh, tar and sha256sum), which the container then mounts read-only.
 */
export function planCodeFetch(
  name: string,
  image: string,
  code: CodeDelivery,
  workingDir: string,
  options: RenderOptions,
): CodePlan {
  const bundleVolume: V1Volume =
    code.kind === "configmap"
      ? {
          name: "code-bundle",
          configMap: { name: `${name}-code`, items: [{ key: BUNDLE_FILE, path: BUNDLE_FILE }] },
        }
      : { name: "code-bundle", emptyDir: {} };
  const download: V1Container[] =
    code.kind === "s3"
      ? [
          {
            name: "download-code",
            image: options.fetcherImage ?? DEFAULT_FETCHER_IMAGE,
            command: [
              "/bin/sh",
              "-c",
              `aws s3 cp --only-show-errors ${shellQuote(code.url)} ${BUNDLE_DIR}/${BUNDLE_FILE}`,
            ],
            volumeMounts: [{ name: "code-bundle", mountPath: BUNDLE_DIR }],
          },
        ]
      : [];
  const unpack: V1Container = {
    name: "unpack-code",
    image,
    command: [
      "/bin/sh",
      "-c",
      [
        "set -eu",
        `cd ${BUNDLE_DIR}`,
        `echo "${code.sha256}  ${BUNDLE_FILE}" | sha256sum -c -`,
        `tar -xzf ${BUNDLE_FILE} -C ${WORKSPACE_PATH}`,
        `echo "maat: commit ${code.commit} unpacked at ${WORKSPACE_PATH}"`,
      ].join("\n"),
    ],
    volumeMounts: [
      { name: "code-bundle", mountPath: BUNDLE_DIR, readOnly: code.kind === "configmap" },
      { name: "code", mountPath: WORKSPACE_PATH },
    ],
  };
  return {
    volumes: [bundleVolume, { name: "code", emptyDir: {} }],
    initContainers: [...download, unpack],
    mount: { name: "code", mountPath: WORKSPACE_PATH, readOnly: true },
    workingDir,
  };
}
