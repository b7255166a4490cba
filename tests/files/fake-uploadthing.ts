import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for UploadThing's servers (API, ingest and CDN on one port), speaking the
 * protocol of uploadthing@7.7.4 as read from its source:
 *  - POST /route-metadata     (ingest) the route handler registers metadata and its callback URL
 *  - PUT  /<fileKey>?…&signature=hmac-sha256=…   (ingest) multipart "file", presigned by the apiKey
 *  - POST /callback-result    (ingest) the route handler reports onUploadComplete's data
 *  - POST /v6/deleteFiles     (API)    UTApi.deleteFiles
 *  - POST /v6/listFiles       (API)    UTApi.listFiles (offset pagination)
 *  - GET  /a/<appId>/<key>?expires=…&signature=…   (CDN, "path" app-id location) signed download
 * Every signature is checked the way UploadThing checks it, so a wrong key or URL fails here.
 */
export interface FakeFile {
  bytes: Uint8Array;
  name: string;
  type: string;
  fileHash: string;
  /** Milliseconds since the epoch; tests may move it back to age a file. */
  uploadedAt: number;
}

export interface Registration {
  fileKeys: string[];
  metadata: Record<string, unknown>;
  isDev: boolean;
  callbackUrl: string;
  callbackSlug: string;
  awaitServerData: boolean;
}

export interface FakeUploadThing {
  url: string;
  port: number;
  apiKey: string;
  appId: string;
  /** UPLOADTHING_TOKEN for this fake. */
  token: string;
  files: Map<string, FakeFile>;
  registrations: Registration[];
  callbackResults: Array<{ fileKey: string; callbackData: unknown }>;
  deleteRequests: string[][];
  /** Requests refused for a bad api key or signature. */
  refused: string[];
  /** The signed JSON body UploadThing would send to our callback URL once `key` is stored. */
  callbackPayload(key: string): string;
  sign(payload: string): string;
  /** Delivers the callback for `key`, as UploadThing does after an upload; `signature` forges it. */
  sendCallback(key: string, options?: { signature?: string | null; body?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function startFakeUploadThing(): Promise<FakeUploadThing> {
  const apiKey = `sk_test_${randomBytes(16).toString("hex")}`;
  const appId = `app${randomBytes(4).toString("hex")}`;
  const files = new Map<string, FakeFile>();
  const registrations: Registration[] = [];
  const callbackResults: FakeUploadThing["callbackResults"] = [];
  const deleteRequests: string[][] = [];
  const refused: string[] = [];

  const sign = (payload: string) => `hmac-sha256=${createHmac("sha256", apiKey).update(payload).digest("hex")}`;

  /** UploadThing signs the URL (with `expires`) and appends `&signature=`: check exactly that. */
  function validSignedUrl(fullUrl: string): boolean {
    const at = fullUrl.lastIndexOf("&signature=");
    if (at < 0) return false;
    const signed = fullUrl.slice(0, at);
    const given = decodeURIComponent(fullUrl.slice(at + "&signature=".length));
    const expected = sign(signed);
    const expires = Number(new URL(fullUrl).searchParams.get("expires"));
    return (
      given.length === expected.length &&
      timingSafeEqual(Buffer.from(given), Buffer.from(expected)) &&
      Number.isFinite(expires) &&
      expires > Date.now()
    );
  }

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const fullUrl = `http://${req.headers.host}${req.url}`;
      const url = new URL(fullUrl);
      const apiKeyOk = req.headers["x-uploadthing-api-key"] === apiKey;

      if (req.method === "POST" && ["/route-metadata", "/callback-result", "/v6/deleteFiles", "/v6/listFiles"].includes(url.pathname)) {
        if (!apiKeyOk) {
          refused.push(`${req.method} ${url.pathname}`);
          return send(401, { error: "Invalid API key" });
        }
        const json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
        if (url.pathname === "/route-metadata") {
          registrations.push(json as unknown as Registration);
          return send(200, { ok: true });
        }
        if (url.pathname === "/callback-result") {
          callbackResults.push(json as { fileKey: string; callbackData: unknown });
          return send(200, { ok: true });
        }
        if (url.pathname === "/v6/listFiles") {
          const offset = Number(json.offset ?? 0);
          const limit = Number(json.limit ?? 500);
          const all = [...files.entries()];
          const page = all.slice(offset, offset + limit).map(([key, file]) => ({
            id: key,
            customId: null,
            key,
            name: file.name,
            size: file.bytes.length,
            status: "Uploaded",
            uploadedAt: file.uploadedAt,
          }));
          return send(200, { hasMore: offset + limit < all.length, files: page });
        }
        const keys = (json.fileKeys as string[] | undefined) ?? [];
        deleteRequests.push(keys);
        let deletedCount = 0;
        for (const key of keys) if (files.delete(key)) deletedCount++;
        return send(200, { success: true, deletedCount });
      }

      if (req.method === "PUT" && /^\/[A-Za-z0-9]+$/.test(url.pathname)) {
        if (!validSignedUrl(fullUrl) || url.searchParams.get("x-ut-identifier") !== appId) {
          refused.push(`PUT ${url.pathname}`);
          return send(403, { error: "Invalid signature" });
        }
        const form = await new Request("http://fake.invalid/", {
          method: "POST",
          headers: { "content-type": String(req.headers["content-type"]) },
          body,
        }).formData();
        const file = form.get("file");
        if (!(file instanceof Blob)) return send(400, { error: "Missing file" });
        const bytes = new Uint8Array(await file.arrayBuffer());
        const declared = Number(url.searchParams.get("x-ut-file-size"));
        if (declared !== bytes.length) return send(400, { error: "Size does not match the presigned URL" });
        const key = url.pathname.slice(1);
        const fileHash = createHash("md5").update(bytes).digest("hex");
        files.set(key, {
          bytes,
          name: decodeURIComponent(url.searchParams.get("x-ut-file-name") ?? "file"),
          type: decodeURIComponent(url.searchParams.get("x-ut-file-type") ?? "application/octet-stream"),
          fileHash,
          uploadedAt: Date.now(),
        });
        const ufsUrl = `${base()}/a/${appId}/${key}`;
        return send(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash });
      }

      const download = /^\/a\/([^/]+)\/([A-Za-z0-9]+)$/.exec(url.pathname);
      if (req.method === "GET" && download) {
        if (download[1] !== appId || !validSignedUrl(fullUrl)) {
          refused.push(`GET ${url.pathname}`);
          return send(403, { error: "Invalid signature" });
        }
        const file = files.get(download[2]!);
        if (!file) return send(404, { error: "Not found" });
        res.writeHead(200, { "content-type": file.type, "content-length": String(file.bytes.length) });
        res.end(Buffer.from(file.bytes));
        return;
      }
      send(404, { error: `No route for ${req.method} ${url.pathname}` });
    } catch (error) {
      send(500, { error: String(error) });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const base = () => `http://127.0.0.1:${port}`;
  const token = Buffer.from(
    JSON.stringify({ apiKey, appId, regions: ["fake1"], ingestHost: `127.0.0.1:${port}` }),
  ).toString("base64");

  function callbackPayload(key: string): string {
    const file = files.get(key);
    const registration = registrations.find((r) => r.fileKeys.includes(key));
    if (!file || !registration) throw new Error(`No uploaded file or registration for ${key}`);
    const ufsUrl = `${base()}/a/${appId}/${key}`;
    return JSON.stringify({
      status: "uploaded",
      file: {
        name: file.name,
        size: file.bytes.length,
        type: file.type,
        lastModified: Date.now(),
        customId: null,
        key,
        url: ufsUrl,
        appUrl: ufsUrl,
        ufsUrl,
        fileHash: file.fileHash,
      },
      origin: base(),
      metadata: registration.metadata,
    });
  }

  return {
    url: base(),
    port,
    apiKey,
    appId,
    token,
    files,
    registrations,
    callbackResults,
    deleteRequests,
    refused,
    callbackPayload,
    sign,
    async sendCallback(key, options = {}) {
      const registration = registrations.find((r) => r.fileKeys.includes(key));
      if (!registration) throw new Error(`No registration for ${key}`);
      const body = options.body ?? callbackPayload(key);
      const signature = options.signature === undefined ? sign(body) : options.signature;
      const target = new URL(registration.callbackUrl);
      target.searchParams.set("slug", registration.callbackSlug);
      return fetch(target, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "uploadthing-hook": "callback",
          ...(signature === null ? {} : { "x-uploadthing-signature": signature }),
        },
        body,
      });
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Serves a fetch handler over node:http on 127.0.0.1, so UploadThing's callbacks can reach it. */
export async function serveFetchHandler(
  path: string,
  handler: (request: Request) => Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(key, value);
        else if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const response = await handler(
        new Request(`http://${req.headers.host}${req.url}`, {
          method: req.method,
          headers,
          ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
        }),
      );
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
