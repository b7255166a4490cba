import type { Role } from "../db/generated/enums";

/** The roles anyone may register with (Secretariat accounts come from the CLI only). No zod here: pages import it. */
export const SELF_REGISTER_ROLES = ["ENTREPRENEUR", "ACADEMIA", "COMPANY"] as const satisfies readonly Role[];
