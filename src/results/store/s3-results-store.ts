import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { sha256Hex } from "../../sha256.js";
import { describeS3Error } from "../../storage/describe-s3-error.js";
import { listS3Objects } from "../../storage/list-s3-objects.js";
import { formatS3Url } from "../../storage/s3-url.js";
import { byName } from "./folder-results-store.js";
import { conflict, type ResultsStore, ResultsStoreError, resultKey } from "./results-store.js";

const SHA_META = "maat-sha256";
/** Logs above this size go up in parts (S3's minimum part is 5 MiB). */
const PART_SIZE = 8 * 1024 * 1024;

/**
 * Receipts and logs in `s3://bucket/prefix/`. A receipt carries its sha256 as object metadata
 * so re-pushing it is a HEAD; it is written last, after its logs, and only where no object
 * is (If-None-Match), so a receipt in the store always has its logs and is never replaced.
 */
export function createS3ResultsStore(client: S3Client, bucket: string, prefix: string): ResultsStore {
  const base = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
  const location = formatS3Url({ bucket, key: base });
  const receiptKey = (resultId: string) => {
    const { benchmark, name } = resultKey(resultId);
    return `${base}${benchmark}/${name}.json`;
  };
  const logsKey = (resultId: string) => receiptKey(resultId).replace(/\.json$/, ".logs/");
  const urlOf = (key: string) => formatS3Url({ bucket, key });

  const storedSha = async (key: string): Promise<string | null | undefined> => {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return head.Metadata?.[SHA_META] ?? null;
    } catch (error) {
      const described = describeS3Error(error, urlOf(key), "looking up");
      if (described.status === 404) return undefined;
      throw described;
    }
  };
  const read = async (key: string): Promise<string> => {
    try {
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return (await response.Body?.transformToString("utf8")) ?? "";
    } catch (error) {
      throw describeS3Error(error, urlOf(key), "reading");
    }
  };
  /** Whether the store already holds exactly these bytes; throws when it holds others. */
  const sameAsStored = async (key: string, resultId: string, receipt: string, sha: string) => {
    const stored = await storedSha(key);
    if (stored === undefined) return false;
    if (stored === sha || (stored === null && (await read(key)) === receipt)) return true;
    throw conflict(location, resultId);
  };

  return {
    location,
    async put({ resultId, receipt, logDir }) {
      const key = receiptKey(resultId);
      const sha = sha256Hex(receipt);
      if (await sameAsStored(key, resultId, receipt, sha)) return "unchanged";
      if (logDir !== undefined) await uploadLogs(client, bucket, logsKey(resultId), logDir);
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: receipt,
            ContentType: "application/json",
            Metadata: { [SHA_META]: sha },
            IfNoneMatch: "*",
          }),
        );
      } catch (error) {
        const described = describeS3Error(error, urlOf(key), "uploading");
        // Someone stored this id between our check and our write: same bytes are fine.
        if (described.status === 412 && (await sameAsStored(key, resultId, receipt, sha))) return "unchanged";
        throw described;
      }
      return "stored";
    },
    async list(filter = {}) {
      const scope =
        filter.benchmark === undefined ? base : `${base}${resultKey(`${filter.benchmark}/x`).benchmark}/`;
      const ids: string[] = [];
      for await (const item of listS3Objects(client, bucket, scope)) {
        const match = /^([^/]+)\/([^/]+)\.json$/.exec(item.Key?.slice(base.length) ?? "");
        if (match !== null) ids.push(`${match[1]}/${match[2]}`);
      }
      return ids.sort(byName);
    },
    async get(resultId) {
      const key = receiptKey(resultId);
      if ((await storedSha(key)) === undefined) {
        throw new ResultsStoreError(
          location,
          `${location} has no result ${resultId}`,
          "list them with 'maat results list --store'",
        );
      }
      return read(key);
    },
    async getLogs(resultId, dir) {
      const prefixKey = logsKey(resultId);
      let count = 0;
      for await (const item of listS3Objects(client, bucket, prefixKey)) {
        const name = item.Key?.slice(prefixKey.length) ?? "";
        if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith(".")) continue;
        await mkdir(dir, { recursive: true });
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: item.Key }));
        await pipeline(response.Body as Readable, createWriteStream(path.join(dir, name)));
        count++;
      }
      return count;
    },
  };
}

/** Each log file once: one already there with the same size is left alone; big ones go in parts. */
async function uploadLogs(
  client: S3Client,
  bucket: string,
  prefixKey: string,
  logDir: string,
): Promise<void> {
  const entries = await readdir(logDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(logDir, entry.name);
    const key = `${prefixKey}${entry.name}`;
    const size = (await stat(file)).size;
    const existing = await client
      .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
      .then((head) => head.ContentLength)
      .catch(() => undefined);
    if (existing === size) continue;
    try {
      await new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: createReadStream(file), ContentType: "text/plain" },
        partSize: PART_SIZE,
        queueSize: 4,
        leavePartsOnError: false,
      }).done();
    } catch (error) {
      throw describeS3Error(error, formatS3Url({ bucket, key }), "uploading");
    }
  }
}
