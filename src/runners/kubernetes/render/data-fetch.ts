import type { V1Container, V1Volume, V1VolumeMount } from "@kubernetes/client-node";
import type { DataSource } from "../../../descriptor/types.js";
import { containerPath, RELATIVE_PATH_HINT, relativePathProblem } from "../../container-path.js";
import { KubernetesRenderError } from "./render-error.js";
import { shellQuote } from "./shell.js";
import { DEFAULT_FETCHER_IMAGE, type RenderOptions } from "./types.js";

/** What a pod needs to find its data sources at their paths. */
export interface DataPlan {
  initContainers: V1Container[];
  volumes: V1Volume[];
  /** Mounts for the benchmark container: each source at its `path`. */
  mounts: V1VolumeMount[];
}

const CACHE_VOLUME = "dataset-cache";
const CACHE_MOUNT = "/maat/cache";
const STAGE_MOUNT = "/maat/fetch";

// One script for every source: s3:// with the AWS CLI (a prefix is copied recursively),
// http(s):// with curl. An md5 is checked with md5sum -c for a single file; for several
// files it is the md5 of their sorted `md5sum` lines. A cached source is complete only when
// its marker exists, so a download cut short is fetched again.
const FUNCTIONS = `set -eu
fetch() {
  src="$1"; dest="$2"; mkdir -p "$dest"
  case "$src" in
    s3://*)
      if aws s3 ls "\${src%/}/" >/dev/null 2>&1; then aws s3 cp --only-show-errors --recursive "$src" "$dest"
      else aws s3 cp --only-show-errors "$src" "$dest/"; fi ;;
    http://*|https://*) name=$(basename "\${src%%\\?*}"); curl -fsSL --retry 3 -o "$dest/\${name:-download}" "$src" ;;
    *) echo "maat: cannot fetch $src: only s3://, http:// and https:// sources are supported on Kubernetes" >&2; exit 1 ;;
  esac
}
verify() {
  dest="$1"; want="$2"
  files=$(cd "$dest" && find . -type f ! -name .complete | LC_ALL=C sort)
  if [ "$(printf '%s\\n' "$files" | grep -c .)" = 1 ]; then
    (cd "$dest" && echo "$want  $files" | md5sum -c -)
  else
    got=$(cd "$dest" && printf '%s\\n' "$files" | tr '\\n' '\\0' | xargs -0 md5sum | md5sum | cut -d' ' -f1)
    [ "$got" = "$want" ] || { echo "maat: md5 of $dest is $got, expected $want" >&2; exit 1; }
  fi
}`;

/**
 * An init container that downloads `sources` (data sets or models) and the volumes that
 * carry them to the benchmark container. With `options.datasetCachePvc`, a source with
 * an md5 lives in that PVC under `<md5>/` and is downloaded only once; the others go to
 * an emptyDir for this pod only.
 */
export function planDataFetch(
  sources: DataSource[],
  prefix: string,
  options: RenderOptions,
  vars: Record<string, string> = {},
): DataPlan {
  if (sources.length === 0) return { initContainers: [], volumes: [], mounts: [] };
  const cache = options.datasetCachePvc;
  const volumes: V1Volume[] = [];
  const fetchMounts: V1VolumeMount[] = [];
  const mounts: V1VolumeMount[] = [];
  const steps: string[] = [];

  sources.forEach((source, index) => {
    const src = shellQuote(source.src);
    const field = `${prefix === "model" ? "server.models" : "data.sources"}[${index}].path`;
    const mountPath = containerPath(source.path, vars);
    if (mountPath === undefined) {
      throw new KubernetesRenderError(relativePathProblem(field, source.path), { hint: RELATIVE_PATH_HINT });
    }
    // A source that names one file and a path that names a file: the file lands at that path.
    const file = fileName(source);
    if (cache !== undefined && source.md5 !== undefined) {
      const md5 = source.md5.toLowerCase();
      const dir = `${CACHE_MOUNT}/${md5}`;
      steps.push(
        `if [ -f ${dir}/.complete ]; then echo "maat: ${md5} is cached"; else`,
        `  stage=${dir}.partial-$(hostname); rm -rf "$stage"; fetch ${src} "$stage"; verify "$stage" ${md5}`,
        `  rm -rf ${dir}; mv "$stage" ${dir}; touch ${dir}/.complete; fi`,
      );
      mounts.push({
        name: CACHE_VOLUME,
        mountPath,
        subPath: file === undefined ? md5 : `${md5}/${file}`,
        readOnly: true,
      });
      return;
    }
    const volume = `${prefix}-${index}`;
    const dir = `${STAGE_MOUNT}/${volume}`;
    volumes.push({ name: volume, emptyDir: {} });
    fetchMounts.push({ name: volume, mountPath: dir });
    mounts.push({ name: volume, mountPath, ...(file === undefined ? {} : { subPath: file }) });
    steps.push(`fetch ${src} ${dir}`);
    if (source.md5 !== undefined) steps.push(`verify ${dir} ${source.md5.toLowerCase()}`);
  });

  if (mounts.some((mount) => mount.name === CACHE_VOLUME)) {
    volumes.push({ name: CACHE_VOLUME, persistentVolumeClaim: { claimName: cache as string } });
    fetchMounts.push({ name: CACHE_VOLUME, mountPath: CACHE_MOUNT });
  }
  const initContainer: V1Container = {
    name: `fetch-${prefix}`,
    image: options.fetcherImage ?? DEFAULT_FETCHER_IMAGE,
    command: ["/bin/sh", "-c", [FUNCTIONS, ...steps].join("\n")],
    volumeMounts: fetchMounts,
  };
  return { initContainers: [initContainer], volumes, mounts };
}

/**
 * The file name a source downloads to when it is one file placed at a file path: the
 * source's last segment and the path's both have an extension (`.../squeezenet_v1.1.mar` at
 * `/models/squeezenet_v1.1.mar`). Undefined for folders and prefixes (`s3://bucket/train/`).
 */
export function fileName(source: DataSource): string | undefined {
  const last = (text: string) =>
    text
      .replace(/[?#].*$/, "")
      .split("/")
      .at(-1) ?? "";
  const src = last(source.src);
  const path = last(source.path);
  const hasExtension = (name: string) => /^[^.].*\.[A-Za-z0-9]{1,8}$/.test(name);
  return src !== "" && hasExtension(src) && hasExtension(path) ? src : undefined;
}
