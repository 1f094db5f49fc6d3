import type { Readable } from "node:stream";
import { GetObjectCommand, HeadObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { describeS3Error } from "../storage/describe-s3-error.js";
import { listS3Objects } from "../storage/list-s3-objects.js";
import { createS3Client } from "../storage/s3-client.js";
import { type S3Config, s3SettingsFor } from "../storage/s3-settings.js";
import { formatS3Url, parseS3Url } from "../storage/s3-url.js";
import { StorageError } from "../storage/storage-error.js";
import type { OpenedObject, RemoteListing, RemoteObject, RemoteStore } from "./remote-store.js";

/**
 * s3:// sources. A URL ending in "/" is a prefix; one that is not an object but has objects
 * below it (as `aws s3 cp --recursive` would copy) is a prefix too.
 */
export function createS3Store(config: S3Config, env: Record<string, string | undefined>): RemoteStore {
  const clients = new Map<string, S3Client>();
  const clientFor = (bucket: string) => {
    let client = clients.get(bucket);
    if (client === undefined) {
      client = createS3Client(s3SettingsFor(config, bucket), { env });
      clients.set(bucket, client);
    }
    return client;
  };
  return {
    list: (url, signal) => listS3(clientFor, url, signal),
    async open(object, from, signal) {
      const { bucket, key } = parseS3Url(object.url);
      const client = clientFor(bucket);
      const ranged = from.offset > 0;
      try {
        return await getObject(client, bucket, key, ranged ? from : undefined, signal);
      } catch (error) {
        const described = describeS3Error(error, object.url, "downloading");
        // The object changed since the partial download began: start over.
        if (ranged && described.status === 412) return getObject(client, bucket, key, undefined, signal);
        throw described;
      }
    },
  };
}

async function getObject(
  client: S3Client,
  bucket: string,
  key: string,
  from: { offset: number; etag?: string } | undefined,
  signal: AbortSignal,
): Promise<OpenedObject> {
  const response = await client.send(
    new GetObjectCommand({
      Bucket: bucket,
      Key: key,
      ...(from === undefined ? {} : { Range: `bytes=${from.offset}-` }),
      ...(from?.etag === undefined ? {} : { IfMatch: from.etag }),
    }),
    { abortSignal: signal },
  );
  const total = /\/(\d+)$/.exec(response.ContentRange ?? "")?.[1];
  const totalSize = total !== undefined ? Number(total) : response.ContentLength;
  return {
    body: response.Body as Readable,
    ...(totalSize === undefined ? {} : { totalSize }),
    ...(response.ETag === undefined ? {} : { etag: response.ETag }),
    resumed: from !== undefined,
  };
}

async function listS3(
  clientFor: (bucket: string) => S3Client,
  url: string,
  signal: AbortSignal | undefined,
): Promise<RemoteListing> {
  const { bucket, key } = parseS3Url(url);
  const client = clientFor(bucket);
  if (key !== "" && !key.endsWith("/")) {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
        ...(signal === undefined ? {} : { abortSignal: signal }),
      });
      return {
        kind: "file",
        objects: [
          {
            url,
            relativePath: "",
            ...(head.ContentLength === undefined ? {} : { size: head.ContentLength }),
            ...(head.ETag === undefined ? {} : { etag: head.ETag }),
          },
        ],
      };
    } catch (error) {
      const described = describeS3Error(error, url, "looking up");
      if (described.status !== 404) throw await explainHeadFailure(client, bucket, key, described);
    }
  }
  const prefix = key === "" || key.endsWith("/") ? key : `${key}/`;
  const objects: RemoteObject[] = [];
  for await (const item of listS3Objects(client, bucket, prefix, { signal })) {
    // Folder markers ("dir/") made by consoles hold no data.
    if (item.Key === undefined || item.Key.endsWith("/")) continue;
    objects.push({
      url: formatS3Url({ bucket, key: item.Key }),
      relativePath: item.Key.slice(prefix.length),
      ...(item.Size === undefined ? {} : { size: item.Size }),
      ...(item.ETag === undefined ? {} : { etag: item.ETag }),
    });
  }
  if (objects.length === 0) {
    throw new StorageError(url, `${url} is neither an object nor a prefix with objects under it`, {
      hint: "check the bucket and key; list them with 'aws s3 ls'",
      status: 404,
    });
  }
  return { kind: "directory", objects };
}

/**
 * A HEAD answer has no body, so a refusal arrives without its reason ("403 Unknown"). A GET of
 * the same key brings the store's error document (InvalidAccessKeyId, AccessDenied...).
 */
async function explainHeadFailure(client: S3Client, bucket: string, key: string, headError: StorageError) {
  try {
    const response = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: key, Range: "bytes=0-0" }),
    );
    (response.Body as Readable | undefined)?.destroy();
    return headError;
  } catch (error) {
    return describeS3Error(error, headError.url, "looking up");
  }
}
