import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listS3Objects } from "../../src/storage/list-s3-objects.js";
import { createS3Client } from "../../src/storage/s3-client.js";
import { StorageError } from "../../src/storage/storage-error.js";
import { type LoopbackS3, startLoopbackS3, useLoopbackCredentials } from "../support/s3-server.js";

let s3: LoopbackS3;
let restoreEnv: () => void;

beforeAll(async () => {
  restoreEnv = useLoopbackCredentials();
  s3 = await startLoopbackS3(["listing"]);
  for (let i = 0; i < 7; i++) await s3.put("listing", `runs/r${i}.json`, Buffer.from(`${i}`));
  await s3.put("listing", "other/x.json", Buffer.from("x"));
});
afterAll(async () => {
  await s3.stop();
  restoreEnv();
});

async function keys(prefix: string, pageSize?: number): Promise<string[]> {
  const client = createS3Client(s3.config);
  const listed: string[] = [];
  for await (const item of listS3Objects(
    client,
    "listing",
    prefix,
    pageSize === undefined ? {} : { pageSize },
  )) {
    listed.push(item.Key ?? "");
  }
  return listed;
}

describe("listS3Objects against a loopback S3 server", () => {
  it("lists every object under the prefix, and nothing else", async () => {
    expect(await keys("runs/")).toEqual(Array.from({ length: 7 }, (_, i) => `runs/r${i}.json`));
  });

  it("follows continuation tokens from page to page", async () => {
    // s3rver cannot hand out continuation tokens on OpenSSL 3 (it ciphers them with DES), so the
    // pages come from the client's own middleware stack, the SDK's documented seam.
    const client = new S3Client({
      region: "us-east-1",
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    const pages: Record<string, { keys: string[]; next?: string }> = {
      first: { keys: ["runs/a", "runs/b"], next: "t1" },
      t1: { keys: ["runs/c"], next: "t2" },
      t2: { keys: ["runs/d"] },
    };
    const tokens: Array<string | undefined> = [];
    client.middlewareStack.add(
      () => async (args) => {
        const input = args.input as { ContinuationToken?: string; MaxKeys?: number };
        tokens.push(input.ContinuationToken);
        const page = pages[input.ContinuationToken ?? "first"]!;
        return {
          output: {
            $metadata: {},
            Contents: page.keys.map((Key) => ({ Key })),
            ...(page.next === undefined ? {} : { NextContinuationToken: page.next }),
          },
          response: {},
        } as never;
      },
      { step: "initialize" },
    );
    const listed: string[] = [];
    for await (const item of listS3Objects(client, "b", "runs/", { pageSize: 2 })) listed.push(item.Key!);
    expect(listed).toEqual(["runs/a", "runs/b", "runs/c", "runs/d"]);
    expect(tokens).toEqual([undefined, "t1", "t2"]);
  });

  it("names the prefix when the bucket cannot be listed", async () => {
    const client = createS3Client(s3.config);
    const listing = listS3Objects(client, "no-such-bucket", "runs/")[Symbol.asyncIterator]();
    const failure = await listing.next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect(String((failure as Error).message)).toContain("s3://no-such-bucket/runs/");
  });
});
