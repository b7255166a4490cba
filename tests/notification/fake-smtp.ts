/**
 * A local SMTP server for the worker's tests (smtp-server): it keeps every message it accepts,
 * and can refuse the next N messages or take its time before answering.
 */
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  raw: string;
  messageId: string;
  to: string[];
}

export interface FakeSmtp {
  url: string;
  received: ReceivedMail[];
  /** The next `n` messages get "451 try again later" after their content is sent. */
  failNext(n: number): void;
  /** Milliseconds to wait before accepting each message. */
  delayMs: number;
  close(): Promise<void>;
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  let failures = 0;
  const state: FakeSmtp = {
    url: "",
    received: [],
    delayMs: 0,
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        setTimeout(() => {
          if (failures > 0) {
            failures -= 1;
            const error = Object.assign(new Error("Servicio no disponible, intenta más tarde"), { responseCode: 451 });
            callback(error);
            return;
          }
          const raw = Buffer.concat(chunks).toString("utf8");
          const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "";
          state.received.push({ raw, messageId, to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  state.url = `smtp://127.0.0.1:${port}`;
  return state;
}
