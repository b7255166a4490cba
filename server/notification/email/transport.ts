/**
 * Where emails go: the SMTP server the environment names (SMTP_URL, or SMTP_HOST/PORT/USER/
 * PASSWORD), or, without one, `.eml` files under <DATA_DIR>/mail/ that any mail program opens.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Env } from "../../config";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Fixed per outbox row: a retry carries the same Message-ID, so a receiver can tell it is the same email. */
  messageId: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  /** "smtp" or "files" (where: <DATA_DIR>/mail). */
  kind: "smtp" | "files";
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function mailDirectory(env: Pick<Env, "DATA_DIR">): string {
  return path.join(env.DATA_DIR, "mail");
}

export function createMailTransport(env: Env): MailTransport {
  const from = env.MAIL_FROM;
  if (env.SMTP_URL || env.SMTP_HOST) {
    const transporter = env.SMTP_URL
      ? nodemailer.createTransport(env.SMTP_URL)
      : nodemailer.createTransport({
          host: env.SMTP_HOST,
          port: env.SMTP_PORT,
          secure: env.SMTP_SECURE,
          auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 30_000,
        });
    return {
      kind: "smtp",
      async send(mail) {
        await transporter.sendMail({ from, ...mail });
      },
      close: () => transporter.close(),
    };
  }
  // nodemailer builds the whole RFC 5322 message (both parts, headers) without sending it.
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const dir = mailDirectory(env);
  return {
    kind: "files",
    async send(mail) {
      const info = await builder.sendMail({ from, ...mail });
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}_${mail.messageId.replace(/[^a-zA-Z0-9-]/g, "")}.eml`;
      // Written whole under a temporary name, then renamed: a reader never opens half a file.
      const temporary = path.join(dir, `.${name}.tmp`);
      await writeFile(temporary, info.message as Buffer);
      await rename(temporary, path.join(dir, name));
    },
    close: () => builder.close(),
  };
}
