import { z } from "../validation";

export const supportInput = z.object({ ideaId: z.uuid() });
export type SupportInput = z.infer<typeof supportInput>;
