/** A minimal Server-Sent Events reader over node:http, for tests that hold many streams open at once. */
import http from "node:http";

export interface SseMessage {
  event: string;
  data: string;
  receivedAt: number;
}

export interface SseConnection {
  status: number;
  headers: http.IncomingHttpHeaders;
  messages: SseMessage[];
  /** Resolves with the first message (from index `after` on) that satisfies `test`. */
  next(test: (message: SseMessage) => boolean, after?: number, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: "text/event-stream", ...headers } }, (response) => {
      const messages: SseMessage[] = [];
      const waiters = new Set<() => void>();
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n");
          const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6));
          if (data.length === 0) continue;
          const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
          messages.push({ event, data: data.join("\n"), receivedAt: Date.now() });
        }
        for (const wake of [...waiters]) wake();
      });
      response.on("error", () => {});
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        messages,
        next(test, after = 0, timeoutMs = 5_000) {
          return new Promise((found, fail) => {
            const check = () => {
              const hit = messages.slice(after).find(test);
              if (!hit) return false;
              waiters.delete(check);
              clearTimeout(timer);
              found(hit);
              return true;
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${timeoutMs} ms (${messages.length} received)`));
            }, timeoutMs);
            if (!check()) waiters.add(check);
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on("error", reject);
  });
}

/** The numeric value of one indicator in an `indicators` event. */
export function indicatorIn(message: SseMessage, key: string): number | null | undefined {
  const body = JSON.parse(message.data) as { indicators: { key: string; value: number | null }[] };
  return body.indicators.find((indicator) => indicator.key === key)?.value;
}
