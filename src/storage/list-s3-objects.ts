import { type _Object, paginateListObjectsV2, type S3Client } from "@aws-sdk/client-s3";
import { describeS3Error } from "./describe-s3-error.js";
import { formatS3Url } from "./s3-url.js";

/**
 * Every object under `prefix`, page after page (the SDK's paginator follows the continuation
 * tokens; `pageSize` objects a request, the service's 1,000 when omitted). A failed page
 * becomes a StorageError naming the prefix.
 */
export async function* listS3Objects(
  client: S3Client,
  bucket: string,
  prefix: string,
  options: { signal?: AbortSignal | undefined; pageSize?: number } = {},
): AsyncGenerator<_Object> {
  const { signal, pageSize } = options;
  const pages = paginateListObjectsV2(
    { client, ...(pageSize === undefined ? {} : { pageSize }) },
    { Bucket: bucket, Prefix: prefix },
    ...(signal === undefined ? [] : [{ abortSignal: signal }]),
  );
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    let page: IteratorResult<{ Contents?: _Object[] }>;
    try {
      page = await iterator.next();
    } catch (error) {
      throw describeS3Error(error, formatS3Url({ bucket, key: prefix }), "listing");
    }
    if (page.done === true) return;
    yield* page.value.Contents ?? [];
  }
}
