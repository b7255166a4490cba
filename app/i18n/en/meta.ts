import type { meta as es } from "../es/meta";
import type { Translation } from "../types";

export const meta: Translation<typeof es> = {
  "meta.homeTitle": "Cocrea · Barrancabermeja",
  "meta.pageTitle": "{{page}} · Cocrea",
  "meta.description": "Open co-creation and innovation platform of the District of Barrancabermeja.",
};
