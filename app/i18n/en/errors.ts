import type { errors as es } from "../es/errors";
import type { Translation } from "../types";

export const errors: Translation<typeof es> = {
  "error.notFoundTitle": "Page not found",
  "error.notFound": "We could not find the page you are looking for. The link may be mistyped or the content may no longer exist.",
  "error.title": "Something went wrong",
  "error.forbiddenTitle": "You do not have access to this page",
  "error.requestTitle": "We could not process the request",
  "error.unavailableTitle": "Service briefly unavailable",
  "error.generic": "Something unexpected went wrong. Please try again in a few minutes.",
  "error.goHome": "Go to home",
};
