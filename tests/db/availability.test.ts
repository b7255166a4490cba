import { describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { isDatabaseUnavailable } from "../../server/db/availability";
import { describeError } from "../../server/trpc/error-shape";

/** What @prisma/adapter-pg reports for a PostgreSQL error, inside Prisma's wrapping. */
const prismaWrapped = (cause: Record<string, unknown>, code = "P2010") =>
  Object.assign(new Error("Invalid invocation"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("isDatabaseUnavailable", () => {
  it("recognizes a refused connection as Prisma 7 over pg really throws it", async () => {
    const db = createDb("postgresql://postgres@127.0.0.1:1/cocrea");
    const error = await db.user.findFirst().catch((e: unknown) => e);
    await db.$disconnect();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(describeError(error, "es")).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
  });

  it.each([
    ["a server shutting down (57P01)", prismaWrapped({ kind: "postgres", originalCode: "57P01", originalMessage: "terminating connection due to administrator command" })],
    ["a server starting up (57P03)", prismaWrapped({ kind: "postgres", originalCode: "57P03", originalMessage: "the database system is starting up" })],
    ["a connection exception (08006)", prismaWrapped({ kind: "postgres", originalCode: "08006", originalMessage: "connection failure" })],
    ["a reset connection", prismaWrapped({ kind: "ConnectionClosed" })],
    ["pg's own ECONNRESET", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["pg's dropped connection", new Error("Connection terminated unexpectedly")],
    ["an exhausted pool", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
  ])("recognizes %s, also when tRPC wrapped it", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: error }))).toBe(true);
  });

  it.each([
    ["a unique violation", prismaWrapped({ kind: "UniqueConstraintViolation", originalCode: "23505", originalMessage: "duplicate key" })],
    ["a NUL in text (22021)", prismaWrapped({ kind: "postgres", originalCode: "22021", originalMessage: "invalid byte sequence" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
  ])("leaves %s alone", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(describeError(error, "es").httpStatus).not.toBe(503);
  });
});
