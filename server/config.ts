import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "./paths";

const ROOT = PROJECT_ROOT;

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "must be a PostgreSQL URL such as postgresql://user@host:5432/dbname",
  });

const uploadThingToken = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const decoded = JSON.parse(Buffer.from(value, "base64").toString("utf8")) as Record<string, unknown>;
        return typeof decoded.apiKey === "string" && typeof decoded.appId === "string";
      } catch {
        return false;
      }
    },
    { message: "must be the base64 token from the UploadThing dashboard ({apiKey, appId, regions})" },
  );

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const flag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback)
    .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: embedded PostgreSQL (PGlite) kept in DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), postgresUrl.optional()),
  /** Database (embedded mode) and uploads (local store); relative paths start at the project folder. */
  DATA_DIR: z
    .string()
    .trim()
    .min(1)
    .default(".data")
    .transform((dir) => path.resolve(ROOT, dir)),
  /** Public origin (https://cocrea.example.gov.co); when set, mutations must come from it. */
  PUBLIC_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
  /** Trust X-Forwarded-For from one reverse proxy when computing client IPs for throttling. */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  UPLOADTHING_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), uploadThingToken.optional()),
  /**
   * Attachment bytes one person may upload per calendar day (Bogotá time); 100 MB by default,
   * ten ideas' worth of large PDFs. Counted when files are stored, kept when they are deleted.
   */
  UPLOAD_QUOTA_BYTES_PER_DAY: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(100 * 1024 * 1024),
  ),
  /** Distinct open reports that hide a public idea automatically, pending the Secretariat's review. */
  REPORT_HIDE_THRESHOLD: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(1000).default(3),
  ),
  /** Least severe log level written to stdout; unset: info, or warn under NODE_ENV=test. */
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
  /** Seed demo data on start; defaults to on outside production. */
  SEED_DEMO: z.enum(["true", "false", "1", "0"]).optional(),
  /**
   * Signs the one-click unsubscribe links of emails (HMAC-SHA256). Unset: a random secret kept in
   * <DATA_DIR>/app-secret, so links keep working across restarts of one installation.
   */
  APP_SECRET: optional(z.string().trim().min(32, { message: "must be at least 32 characters (e.g. `openssl rand -hex 32`)" })),
  /** Runs the email worker (graphile-worker) inside the web process; turn off to run none, or elsewhere. */
  WORKER_ENABLED: flag("true"),
  /** How often the worker looks for due jobs (the embedded database cannot wake it with LISTEN/NOTIFY). */
  WORKER_POLL_INTERVAL_MS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(50).max(60_000).default(2000),
  ),
  /** Minutes after its start a confirmed booking nobody checked in is released as a no-show. */
  BOOKING_NO_SHOW_MINUTES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(5).max(240).default(20)),
  /** smtp://user:password@host:587 or smtps://…:465. Unset (and no SMTP_HOST): emails become .eml files in <DATA_DIR>/mail. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })),
  SMTP_HOST: optional(z.string().trim().min(1)),
  SMTP_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).default(587)),
  SMTP_USER: optional(z.string().min(1)),
  SMTP_PASSWORD: optional(z.string().min(1)),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: flag("false"),
  /** The From of every email. */
  MAIL_FROM: z.string().trim().min(3).default("Cocrea Barrancabermeja <no-responder@cocrea.localhost>"),
}).superRefine((env, ctx) => {
  if (env.SMTP_URL && env.SMTP_HOST) ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "set SMTP_URL or SMTP_HOST, not both" });
  if ((env.SMTP_USER || env.SMTP_PASSWORD) && !env.SMTP_HOST) {
    ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "SMTP_USER and SMTP_PASSWORD need SMTP_HOST" });
  }
  if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASSWORD)) {
    ctx.addIssue({ code: "custom", path: ["SMTP_PASSWORD"], message: "SMTP_USER and SMTP_PASSWORD go together" });
  }
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once at start; every problem is reported, one line per variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // Operators read these in English; the app-wide error map (message keys for people) is bypassed.
  const english = z.locales.en().localeError;
  const parsed = envSchema.safeParse(source, { error: (issue) => english(issue) });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return parsed.data;
}

export function shouldSeedDemo(env: Env): boolean {
  if (env.SEED_DEMO !== undefined) return env.SEED_DEMO === "true" || env.SEED_DEMO === "1";
  return env.NODE_ENV !== "production";
}
