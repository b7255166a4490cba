import net from "node:net";

/**
 * A POST written by hand over a socket, so a test controls exactly how much of the body has been
 * sent when the answer arrives (fetch sends the whole body before it lets anyone see a response).
 */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Body bytes this client had written when the answer's headers arrived. */
  bytesSentBeforeAnswer: number;
}

export interface RawPost {
  /** Writes body bytes; resolves once the socket accepted them. */
  send(bytes: Uint8Array): Promise<void>;
  /** Body bytes written so far. */
  readonly bytesSent: number;
  /** Whether the answer's headers have arrived. */
  readonly answered: boolean;
  /** The complete answer. */
  answer: Promise<RawAnswer>;
  close(): void;
}

function parseHead(head: string) {
  const [statusLine, ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine!.split(" ")[1]), headers };
}

function chunkedComplete(body: Buffer): string | null {
  let offset = 0;
  let text = "";
  for (;;) {
    const lineEnd = body.indexOf("\r\n", offset);
    if (lineEnd < 0) return null;
    const size = parseInt(body.subarray(offset, lineEnd).toString("latin1"), 16);
    if (size === 0) return text;
    const start = lineEnd + 2;
    if (body.length < start + size + 2) return null;
    text += body.subarray(start, start + size).toString("utf8");
    offset = start + size + 2;
  }
}

export function openRawPost(port: number, path: string, headers: Record<string, string>, contentLength: number): RawPost {
  const socket = net.connect(port, "127.0.0.1");
  socket.setNoDelay(true);
  let bytesSent = 0;
  let received = Buffer.alloc(0);
  let head: { status: number; headers: Record<string, string>; sentBefore: number } | null = null;

  const answer = new Promise<RawAnswer>((resolve, reject) => {
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!head) {
        const end = received.indexOf("\r\n\r\n");
        if (end < 0) return;
        head = { ...parseHead(received.subarray(0, end).toString("latin1")), sentBefore: bytesSent };
        received = received.subarray(end + 4);
      }
      const length = head.headers["content-length"];
      let body: string | null = null;
      if (head.status === 204 || head.status === 304) {
        body = "";
      } else if (length !== undefined) {
        if (received.length >= Number(length)) body = received.subarray(0, Number(length)).toString("utf8");
      } else if (head.headers["transfer-encoding"] === "chunked") {
        body = chunkedComplete(received);
      }
      if (body !== null) resolve({ status: head.status, headers: head.headers, body, bytesSentBeforeAnswer: head.sentBefore });
    });
    socket.on("error", reject);
    socket.on("close", () => reject(new Error(`Connection closed before a complete answer (${head ? "after" : "before"} its headers)`)));
  });
  answer.catch(() => {});

  const lines = [`POST ${path} HTTP/1.1`, "Host: 127.0.0.1", `Content-Length: ${contentLength}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  socket.write(`${lines.join("\r\n")}\r\n\r\n`);

  return {
    send: (bytes) =>
      new Promise<void>((resolve, reject) => {
        bytesSent += bytes.length;
        socket.write(bytes, (error) => (error ? reject(error) : resolve()));
      }),
    get bytesSent() {
      return bytesSent;
    },
    get answered() {
      return head !== null;
    },
    answer,
    close: () => socket.destroy(),
  };
}

/** A multipart body: text fields in order, then one file part whose bytes the caller sends. */
export function multipartParts(boundary: string, fields: Array<[string, string]>, file: { field: string; name: string; type: string }) {
  const text = fields
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("");
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  return {
    head: Buffer.from(text + fileHead, "utf8"),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`, "utf8"),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true once `check` holds, false after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await wait(5);
  }
  return check();
}
