import type { MessageKey } from "./i18n/messages";
import * as z from "./validation-zod";

/**
 * Zod reports message keys instead of English text; the tRPC error formatter translates them
 * (with the issue's limits as parameters) into the caller's language. Schemas may still pass
 * their own key for a specific message.
 */
z.config({
  customError: (issue): MessageKey => {
    switch (issue.code) {
      case "invalid_type":
        return issue.input === undefined || issue.input === null ? "validation.required" : "validation.invalid";
      case "too_small":
        if (issue.origin === "string") return issue.minimum === 1 ? "validation.required" : "validation.tooShort";
        return issue.origin === "array" ? "validation.tooFew" : "validation.invalid";
      case "too_big":
        if (issue.origin === "string") return "validation.tooLong";
        return issue.origin === "array" ? "validation.tooMany" : "validation.invalid";
      case "invalid_format":
        if (issue.format === "email") return "validation.email";
        return issue.format === "uuid" ? "validation.id" : "validation.invalid";
      case "invalid_value":
        return "validation.option";
      default:
        return "validation.invalid";
    }
  },
});

export { z };
