/**
 * The Remix server build bundles its own copy of server/trpc/errors.ts (routes reach it through
 * *.server.ts modules), while describeError runs in the server's copy. An AppError thrown by a
 * route must still be translated with its parameters and field errors: it once showed
 * "El archivo «{{name}}» supera el máximo de {{max}}." with no error on the field.
 */
import { describe, expect, it, vi } from "vitest";
import { describeError } from "../../server/trpc/error-shape";
import { AppError } from "../../server/trpc/errors";

describe("AppError across copies of its module", () => {
  it("an AppError from another copy keeps its translated parameters and field errors", async () => {
    vi.resetModules();
    const copy = await import("../../server/trpc/errors");
    expect(copy.AppError).not.toBe(AppError); // really another class, as in the Remix build

    const error = copy.fieldError("attachments", "file.tooLarge", { name: "informe.pdf", max: "10 MB" }, "PAYLOAD_TOO_LARGE");
    expect(describeError(error, "es")).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      httpStatus: 413,
      message: "El archivo «informe.pdf» supera el máximo de 10 MB.",
      fieldErrors: { attachments: "El archivo «informe.pdf» supera el máximo de 10 MB." },
    });
    expect(error).toBeInstanceOf(AppError);
  });

  it("other errors are still not AppErrors", () => {
    expect(new Error("file.tooLarge")).not.toBeInstanceOf(AppError);
    expect({ messageKey: "file.tooLarge" }).not.toBeInstanceOf(AppError);
    expect(null).not.toBeInstanceOf(AppError);
  });
});
