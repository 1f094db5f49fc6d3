import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { DataSource } from "../../src/descriptor/types.js";
import { planDataFetch } from "../../src/runners/kubernetes/render/data-fetch.js";
import { renderManifests } from "../../src/runners/kubernetes/render/index.js";
import { validateKubernetesObject } from "../support/kube-schemas.js";
import { makeDescriptor } from "./descriptor-factory.js";
import { mainContainer, podSpecsOf } from "./helpers.js";

const MD5 = "5df9f63916ebf8528697b629022993e8";
const SOURCES: DataSource[] = [
  { src: "s3://bucket/imagenet/train", path: "/data/train", md5: MD5 },
  { src: "https://example.com/val.tar", path: "/data/val" },
];

describe("data sources", () => {
  test("an init container downloads each source into an emptyDir mounted at its path, checking the md5", () => {
    const plan = planDataFetch(SOURCES, "data", { runId: "r" });
    expect(plan.volumes).toEqual([
      { name: "data-0", emptyDir: {} },
      { name: "data-1", emptyDir: {} },
    ]);
    expect(plan.mounts).toEqual([
      { name: "data-0", mountPath: "/data/train" },
      { name: "data-1", mountPath: "/data/val" },
    ]);
    const [init] = plan.initContainers;
    expect(init?.image).toBe("amazon/aws-cli:2.17.0");
    const script = init?.command?.[2] ?? "";
    expect(script).toContain(
      `fetch 's3://bucket/imagenet/train' /maat/fetch/data-0\nverify /maat/fetch/data-0 ${MD5}`,
    );
    expect(script).toContain("fetch 'https://example.com/val.tar' /maat/fetch/data-1");
    expect(script).toContain("md5sum -c");
  });

  test("with a cache PVC a source with an md5 lives under its checksum, fetched only when not marked complete", () => {
    const plan = planDataFetch(SOURCES, "data", {
      runId: "r",
      datasetCachePvc: "datasets",
      fetcherImage: "me/fetch:1",
    });
    expect(plan.volumes).toEqual([
      { name: "data-1", emptyDir: {} },
      { name: "dataset-cache", persistentVolumeClaim: { claimName: "datasets" } },
    ]);
    expect(plan.mounts[0]).toEqual({
      name: "dataset-cache",
      mountPath: "/data/train",
      subPath: MD5,
      readOnly: true,
    });
    expect(plan.initContainers[0]?.image).toBe("me/fetch:1");
    expect(plan.initContainers[0]?.command?.[2]).toContain(`if [ -f /maat/cache/${MD5}/.complete ]`);
  });

  test("no sources, no init container", () => {
    expect(planDataFetch([], "data", { runId: "r" })).toEqual({
      initContainers: [],
      volumes: [],
      mounts: [],
    });
  });

  test("the benchmark container of a rendered Job sees the data and the Job validates", () => {
    const descriptor = makeDescriptor({ data: { sources: SOURCES } });
    const [job] = renderManifests(descriptor, { runId: "r", datasetCachePvc: "datasets" });
    expect(podSpecsOf(job!)[0]?.initContainers?.map((c) => c.name)).toEqual(["fetch-data"]);
    expect(mainContainer(job!).volumeMounts?.map((m) => m.mountPath)).toEqual(["/data/train", "/data/val"]);
    expect(validateKubernetesObject(job)).toEqual([]);
  });
});

describe("the fetch script, run with a stand-in aws CLI", () => {
  const content = "pretend this is imagenet\n";
  const md5 = createHash("md5").update(content).digest("hex");

  function setUp() {
    const root = mkdtempSync(join(tmpdir(), "maat-fetch-"));
    const bin = join(root, "bin");
    mkdirSync(join(root, "s3", "bucket"), { recursive: true });
    mkdirSync(bin);
    writeFileSync(join(root, "s3", "bucket", "train.tar"), content);
    // `aws s3 ls` finds no prefix (a single object); `aws s3 cp SRC DEST/` copies from root/s3.
    writeFileSync(
      join(bin, "aws"),
      `#!/bin/sh\necho "$*" >> "${root}/aws.log"\n[ "$2" = ls ] && exit 1\nsrc="$4"; dest="$5"\ncp "${root}/s3/\${src#s3://}" "$dest"\n`,
    );
    chmodSync(join(bin, "aws"), 0o755);
    return { root, bin };
  }

  function run(script: string, root: string, bin: string) {
    const local = script.replaceAll("/maat/", `${root}/maat/`);
    return execFileSync("/bin/sh", ["-c", local], {
      env: { PATH: `${bin}:${process.env.PATH}` },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  }

  test("downloads, verifies the md5, marks the cache complete and skips the download next time", () => {
    const { root, bin } = setUp();
    const source = { src: "s3://bucket/train.tar", path: "/data/train", md5 };
    const script = planDataFetch([source], "data", { runId: "r", datasetCachePvc: "c" }).initContainers[0]
      ?.command?.[2];
    run(script!, root, bin);
    expect(readFileSync(join(root, "maat", "cache", md5, "train.tar"), "utf8")).toBe(content);
    expect(existsSync(join(root, "maat", "cache", md5, ".complete"))).toBe(true);
    const calls = readFileSync(join(root, "aws.log"), "utf8");
    expect(run(script!, root, bin)).toContain(`${md5} is cached`);
    expect(readFileSync(join(root, "aws.log"), "utf8")).toBe(calls);
  });

  test("a wrong md5 fails the init container and caches nothing", () => {
    const { root, bin } = setUp();
    const source = { src: "s3://bucket/train.tar", path: "/data/train", md5: MD5 };
    const script = planDataFetch([source], "data", { runId: "r", datasetCachePvc: "c" }).initContainers[0]
      ?.command?.[2];
    expect(() => run(script!, root, bin)).toThrow();
    expect(existsSync(join(root, "maat", "cache", MD5))).toBe(false);
  });
});
