import { mkdtemp, rm } from "node:fs/promises";
import type { IncomingMessage, Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "@20minutes/s3rver";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { S3Config } from "../../src/storage/s3-settings.js";

/** s3rver's built-in account: the credentials its signature check accepts. */
export const S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface LoopbackS3 {
  endpoint: string;
  /** maat.toml's [s3] settings for this server. */
  config: S3Config;
  /** A plain SDK client with the server's credentials, for setting up objects. */
  client: S3Client;
  put(bucket: string, key: string, body: string | Uint8Array): Promise<void>;
  /** Requests seen, as "GET /bucket/key" (query strings dropped). */
  requests: string[];
  stop(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver) on 127.0.0.1 with the given buckets, storing in a temp
 * folder removed on stop. Bucket-level requests from the current SDK are signed over
 * "/bucket/" while s3rver canonicalizes "/bucket", so mismatched signatures are let through;
 * an unknown access key is still refused (InvalidAccessKeyId).
 */
export async function startLoopbackS3(buckets: string[]): Promise<LoopbackS3> {
  const directory = await mkdtemp(join(tmpdir(), "maat-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    allowMismatchedSignatures: true,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const address = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${address.port}`;
  const requests: string[] = [];
  const http = (server as unknown as { httpServer: Server }).httpServer;
  http.on("request", (request: IncomingMessage) => {
    requests.push(`${request.method} ${(request.url ?? "").split("?")[0]}`);
  });
  const client = new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: S3_CREDENTIALS,
  });
  return {
    endpoint,
    config: { endpoint, pathStyle: true, region: "us-east-1", buckets: {} },
    client,
    requests,
    async put(bucket, key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    async stop() {
      client.destroy();
      http.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Points the AWS SDK's standard credential chain at the loopback server's account (env only). */
export function useLoopbackCredentials(credentials = S3_CREDENTIALS): () => void {
  const names = [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_EC2_METADATA_DISABLED",
  ];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  for (const name of names) delete process.env[name];
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  // Never look for credentials beyond this machine's environment.
  process.env.AWS_CONFIG_FILE = "/nonexistent/maat-test-aws-config";
  process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/maat-test-aws-credentials";
  process.env.AWS_EC2_METADATA_DISABLED = "true";
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
