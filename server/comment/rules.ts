/** The comment rules as plain values (no zod): the server's schemas and the page's form share them. */

/** How long the author may still edit a comment; the database's clock decides (service.ts). */
export const COMMENT_EDIT_MINUTES = 15;
export const COMMENT_MAX_LENGTH = 2000;
