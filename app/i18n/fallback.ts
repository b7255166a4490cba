import { errors } from "./es/errors";
import { meta } from "./es/meta";

/**
 * The copy the root error page has when the root loader's data (which carries the messages) is
 * missing: its loader failed. Bundled for the browser, unlike the dictionaries, so only the
 * error page's words and the page title, in Spanish, the default language.
 */
export const FALLBACK_MESSAGES = { ...errors, ...meta };
