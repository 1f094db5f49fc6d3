/**
 * Code bundles over the ConfigMap limit go to S3: the store against a real S3 protocol server
 * (s3rver) on loopback, and the bundle of a real git commit.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3CodeStore } from "../../src/runners/kubernetes/code/s3-code-store.js";
import { createCodeSource, makeCodeBundle } from "../../src/runners/kubernetes/index.js";
import { createS3Client } from "../../src/storage/s3-client.js";
import { makeDescriptor } from "../kubernetes/descriptor-factory.js";
import { type LoopbackS3, startLoopbackS3, useLoopbackCredentials } from "../support/s3-server.js";

describe("code bundles in S3", () => {
  let server: LoopbackS3;
  let client: S3Client;
  let repo: string;
  let restoreEnv: (() => void) | undefined;

  beforeAll(async () => {
    server = await startLoopbackS3(["bench"]);
    restoreEnv = useLoopbackCredentials();
    // The runner's own client: the one S3 client factory, with maat.toml-style settings.
    client = createS3Client(server.config);
    repo = mkdtempSync(join(tmpdir(), "maat-bundle-repo-"));
    mkdirSync(join(repo, "benchmarks", "a"), { recursive: true });
    writeFileSync(join(repo, "benchmarks", "a", "run.sh"), "echo a\n");
    writeFileSync(join(repo, "README"), "hello\n");
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
        cwd: repo,
        encoding: "utf8",
      }).trim();
    git("init", "--quiet");
    git("add", ".");
    git("commit", "--quiet", "-m", "x");
    // Uncommitted work is not part of the bundle.
    writeFileSync(join(repo, "README"), "changed\n");
  });

  afterAll(async () => {
    client?.destroy();
    await server?.stop();
    restoreEnv?.();
    rmSync(repo, { recursive: true, force: true });
  });

  it("bundles the committed tree, or only run.code_paths, with its sha256", async () => {
    const whole = await makeCodeBundle(repo);
    expect(createHash("sha256").update(whole.data).digest("hex")).toBe(whole.sha256);
    const files = execFileSync("tar", ["-xzOf", "-", "README"], { input: whole.data, encoding: "utf8" });
    expect(files).toBe("hello\n");
    const part = await makeCodeBundle(repo, ["benchmarks/a"]);
    expect(execFileSync("tar", ["-tzf", "-"], { input: part.data, encoding: "utf8" })).not.toContain(
      "README",
    );
    await expect(makeCodeBundle(repo, ["no/such/path"])).rejects.toMatchObject({
      message: expect.stringContaining("did not match any files"),
      hint: expect.stringContaining("run.code_paths"),
    });
  });

  it("uploads a bundle once, under its sha256, and the pods get its s3:// URL", async () => {
    const source = createCodeSource({
      checkout: { root: repo, isGit: true },
      store: async () => createS3CodeStore("s3://bench/ci/", client),
      limit: 100,
    });
    const delivery = await source(makeDescriptor());
    expect(delivery?.kind).toBe("s3");
    if (delivery?.kind !== "s3") return;
    expect(delivery.url).toBe(`s3://bench/ci/maat-code/${delivery.sha256}.tar.gz`);
    const key = `ci/maat-code/${delivery.sha256}.tar.gz`;
    const stored = await client.send(new GetObjectCommand({ Bucket: "bench", Key: key }));
    const bytes = Buffer.from(
      await (stored.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
    );
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(delivery.sha256);
    const first = await client.send(new HeadObjectCommand({ Bucket: "bench", Key: key }));
    // Same content, same key: the second put finds it and uploads nothing.
    await createS3CodeStore("bench/ci", client).put({
      commit: delivery.commit,
      sha256: delivery.sha256,
      data: bytes,
    });
    const second = await client.send(new HeadObjectCommand({ Bucket: "bench", Key: key }));
    expect(second.LastModified).toEqual(first.LastModified);
    expect(second.Metadata?.["maat-commit"]).toBe(delivery.commit);
  });

  it("says what to do when the bucket refuses the upload", async () => {
    const store = createS3CodeStore("s3://no-such-bucket", client);
    await expect(store.put({ commit: "c", sha256: "0".repeat(64), data: Buffer.from("x") })).rejects.toThrow(
      /could not upload the code bundle to s3:\/\/no-such-bucket\/maat-code\//,
    );
  });
});
