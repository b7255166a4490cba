import type { live as es } from "../es/live";
import type { Translation } from "../types";

export const live: Translation<typeof es> = {
  "live.updated": "Updated a moment ago",
};
