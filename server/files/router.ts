import { protectedProcedure, router } from "../trpc/init";
import { z } from "../validation";

/** Files arrive as multipart form data under this field name (repeated once per file). */
const UPLOAD_FIELD = "files";

function filesFromForm(form: FormData): File[] {
  return form.getAll(UPLOAD_FIELD).filter((value): value is File => typeof value !== "string");
}

export const fileRouter = router({
  /**
   * Stores up to MAX_ATTACHMENTS files for the signed-in user, not yet attached to any idea;
   * the idea procedures attach them by id. Any signed-in user may upload: creating ideas is
   * where the role is enforced.
   */
  upload: protectedProcedure
    .input(z.instanceof(FormData))
    .mutation(({ ctx, input }) => ctx.files.storeUploads(ctx.db, ctx.user.id, filesFromForm(input))),
});
