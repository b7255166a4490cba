/** Route-side access to the notification schemas (routes reach server/ only through *.server.ts). */
import { EmailDelivery, NotificationKind } from "../../server/db/generated/enums";
import { z } from "../../server/validation";

export { followInput, markReadInput } from "../../server/notification/schemas";

/** The preferences form: one radio group per kind, named by the kind. */
export const preferencesForm = z.object(
  Object.fromEntries(Object.values(NotificationKind).map((kind) => [kind, z.enum(EmailDelivery)])) as Record<
    NotificationKind,
    z.ZodEnum<typeof EmailDelivery>
  >,
);
