import { openAsBlob } from "node:fs";
import { UTApi, UTFile } from "uploadthing/server";
import type { BlobContent, BlobInput, BlobStore } from "./store";

type LogLevel = NonNullable<ConstructorParameters<typeof UTApi>[0]>["logLevel"];

/**
 * Where the UploadThing SDK talks to. Everything defaults to UploadThing's own hosts; tests
 * point them at a local fake. The SDK also reads UPLOADTHING_API_URL / UPLOADTHING_INGEST_URL
 * from the process environment when these are not given.
 */
export interface UploadThingOverrides {
  /** REST API (deleteFiles…); default https://api.uploadthing.com. */
  apiUrl?: string;
  /** Ingest server receiving the bytes; default https://<region>.<ingestHost> from the token. */
  ingestUrl?: string;
  /** CDN serving files; default "ufs.sh". A host containing "local" is reached over http. */
  ufsHost?: string;
  ufsAppIdLocation?: "subdomain" | "path";
  /** Absolute URL of our /api/uploadthing route, for UploadThing's callbacks. */
  callbackUrl?: string;
  fetch?: typeof fetch;
  logLevel?: LogLevel;
}

/** Drops undefined values: the SDK's JSON config provider does not treat them as absent. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const DOWNLOAD_TIMEOUT_MS = 60_000;
const LIST_PAGE_SIZE = 500;
/** UploadThing's keys are alphanumeric; anything else could reshape the CDN URL built from it. */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,299}$/;
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Attachments kept by UploadThing, through its server SDK (UTApi): uploads go to its ingest
 * server, deletions to its API, and reads fetch the file server-side from its CDN through a
 * short-lived signed URL, so our access rule stays the only way to reach a file.
 */
export function createUploadThingStore(token: string, overrides: UploadThingOverrides = {}): BlobStore {
  const fetchImpl = overrides.fetch ?? globalThis.fetch;
  const utapi = new UTApi({
    token,
    ...definedOnly({
      apiUrl: overrides.apiUrl,
      ingestUrl: overrides.ingestUrl,
      ufsHost: overrides.ufsHost,
      ufsAppIdLocation: overrides.ufsAppIdLocation,
      fetch: overrides.fetch,
      logLevel: overrides.logLevel,
    }),
  });

  return {
    kind: "UPLOADTHING",

    async put(blob: BlobInput): Promise<string> {
      // A Blob backed by the temporary file: its bytes are read from disk as the SDK sends them.
      const file = new UTFile([await openAsBlob(blob.path)], blob.name, { type: blob.contentType });
      const result = await utapi.uploadFiles(file, {
        contentDisposition: "inline",
        signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
      });
      if (result.error) throw new Error(`UploadThing upload failed: ${result.error.code} ${result.error.message}`);
      return result.data.key;
    },

    async get(key: string): Promise<BlobContent | null> {
      if (!KEY_PATTERN.test(key)) return null;
      const { ufsUrl } = await utapi.generateSignedURL(key, { expiresIn: 60 });
      const response = await fetchImpl(ufsUrl, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
      if (response.status === 404) return null;
      if (!response.ok || !response.body) throw new Error(`UploadThing download failed: HTTP ${response.status}`);
      const length = response.headers.get("content-encoding") ? null : response.headers.get("content-length");
      return { body: response.body, size: length !== null && /^\d+$/.test(length) ? Number(length) : null };
    },

    async delete(keys: readonly string[]): Promise<void> {
      const valid = keys.filter((key) => KEY_PATTERN.test(key));
      if (valid.length === 0) return;
      const result = await utapi.deleteFiles(valid);
      if (!result.success) throw new Error("UploadThing refused to delete the files");
    },

    async *listOlderThan(olderThan: Date): AsyncIterable<string> {
      const limit = LIST_PAGE_SIZE;
      for (let offset = 0; ; offset += limit) {
        const page = await utapi.listFiles({ limit, offset });
        for (const file of page.files) {
          if (file.status !== "Deletion Pending" && file.uploadedAt < olderThan.getTime() && KEY_PATTERN.test(file.key)) {
            yield file.key;
          }
        }
        if (!page.hasMore || page.files.length === 0) return;
      }
    },
  };
}
