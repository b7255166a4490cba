import { UploadThingError, createRouteHandler, createUploadthing, type FileRouter } from "uploadthing/server";
import type { Env } from "../config";
import type { DbClient } from "../db/client";
import type { Role } from "../db/generated/enums";
import type { MessageKey } from "../i18n/messages";
import { AppError } from "../trpc/errors";
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS } from "./rules";
import type { FileService } from "./service";
import type { FileSummary } from "./uploads";
import { definedOnly, type UploadThingOverrides } from "./uploadthing-store";

/** The one UploadThing file route; browsers upload with `endpoint: "ideaAttachment"`. */
export const UPLOADTHING_SLUG = "ideaAttachment";
/** Where the Express app mounts the handler. */
export const UPLOADTHING_PATH = "/api/uploadthing";

export type Authenticate = (request: Request) => Promise<{ id: string; role: Role } | null>;

type RouteInputConfig = Parameters<ReturnType<typeof createUploadthing>>[0];

/**
 * The route's per-type limits, derived from rules.ts. The package's `FileSize` type only lists
 * powers of two ("8MB", "16MB"), but its parser (fileSizeToBytes in @uploadthing/shared) accepts
 * any whole number of a unit, so "10MB" is enforced as 10 × 1024 × 1024 bytes, like our own check.
 * maxFileCount is per type there; the total across types is checked in the middleware.
 */
function ideaAttachmentRouteConfig(): RouteInputConfig {
  const config: Record<string, { maxFileSize: string; maxFileCount: number; minFileCount: number; contentDisposition: "inline" }> = {};
  for (const type of ATTACHMENT_TYPES) {
    config[type.mime] = {
      maxFileSize: `${type.maxMegabytes}MB`,
      maxFileCount: MAX_ATTACHMENTS,
      minFileCount: 1,
      contentDisposition: "inline",
    };
  }
  return config as unknown as RouteInputConfig;
}

/** What the browser's onClientUploadComplete receives as serverData. */
export type IdeaAttachmentResult = { file: FileSummary; error: null } | { file: null; error: MessageKey };

export function createIdeaAttachmentRouter(deps: { db: DbClient; files: FileService; authenticate: Authenticate }) {
  const f = createUploadthing();
  return {
    [UPLOADTHING_SLUG]: f(ideaAttachmentRouteConfig())
      .middleware(async ({ req, files }) => {
        const user = await deps.authenticate(req);
        if (!user) throw new UploadThingError({ code: "FORBIDDEN", message: "Sign in to upload files." });
        if (files.length > MAX_ATTACHMENTS) {
          throw new UploadThingError({ code: "TOO_MANY_FILES", message: `At most ${MAX_ATTACHMENTS} files.` });
        }
        // Signed by UploadThing's callback, so onUploadComplete can trust it.
        return { userId: user.id };
      })
      .onUploadComplete(async ({ metadata, file }): Promise<IdeaAttachmentResult> => {
        try {
          const stored = await deps.files.recordUploadThingFile(deps.db, { userId: metadata.userId, key: file.key, name: file.name });
          return { file: stored, error: null };
        } catch (error) {
          // A file that fails our checks was already deleted from UploadThing; tell the browser why.
          if (error instanceof AppError) return { file: null, error: error.messageKey };
          throw error;
        }
      }),
  } satisfies FileRouter;
}

export interface UploadthingHandlerOptions extends Omit<UploadThingOverrides, "apiUrl" | "ufsHost" | "ufsAppIdLocation"> {
  authenticate: Authenticate;
}

/**
 * The fetch handler for UploadThing's protocol at /api/uploadthing (GET: route config; POST:
 * the browser's upload request, and UploadThing's signed callbacks). Without UPLOADTHING_TOKEN
 * it answers 404: uploads then go through the tRPC `file.upload` procedure to local disk.
 */
export function createUploadthingHandler(
  services: { env: Env; db: DbClient; files: FileService },
  options: UploadthingHandlerOptions,
): (request: Request) => Promise<Response> {
  const { env } = services;
  const token = env.UPLOADTHING_TOKEN;
  if (!token) {
    return async () => Response.json({ message: "UploadThing is not configured on this server." }, { status: 404 });
  }
  const callbackUrl = options.callbackUrl ?? (env.PUBLIC_URL ? new URL(UPLOADTHING_PATH, env.PUBLIC_URL).href : undefined);
  const handler = createRouteHandler({
    router: createIdeaAttachmentRouter({ db: services.db, files: services.files, authenticate: options.authenticate }),
    config: {
      token,
      isDev: env.NODE_ENV === "development",
      ...definedOnly({
        callbackUrl,
        ingestUrl: options.ingestUrl,
        fetch: options.fetch,
        logLevel: options.logLevel,
      }),
    },
  });
  return (request) => handler(request);
}
