import { describe, expect, it } from "vitest";
import { formatNit, nitCheckDigit, parseNit } from "../../server/organization/nit";

/**
 * Check digits worked out by hand with DIAN's weights (right to left 3, 7, 13, 17, 19, 23, 29,
 * 37, 41…; remainder of the sum modulo 11; 0 and 1 stay, otherwise 11 minus the remainder).
 */
describe("NIT check digit (DIAN)", () => {
  it("computes Ecopetrol's 899.999.068-1", () => {
    // 8·3 + 6·7 + 0·13 + 9·17 + 9·19 + 9·23 + 9·29 + 9·37 + 8·41 = 1519; 1519 mod 11 = 1 → 1
    expect(nitCheckDigit("899999068")).toBe(1);
  });

  it("computes DIAN's own 800.197.268-4", () => {
    // 8·3 + 6·7 + 2·13 + 7·17 + 9·19 + 1·23 + 0·29 + 0·37 + 8·41 = 733; 733 mod 11 = 7 → 11 − 7 = 4
    expect(nitCheckDigit("800197268")).toBe(4);
  });

  it("keeps remainders 0 and 1 as the digit, and otherwise subtracts from 11", () => {
    // 9·3 + 9·41 = 396 = 36·11 → remainder 0 → 0
    expect(nitCheckDigit("900000009")).toBe(0);
    // 2·3 + 9·41 = 375 = 34·11 + 1 → remainder 1 → 1
    expect(nitCheckDigit("900000002")).toBe(1);
    // 8·3 + 9·41 = 393 = 35·11 + 8 → 11 − 8 = 3
    expect(nitCheckDigit("900000008")).toBe(3);
    // 1·7 + 9·41 = 376 = 34·11 + 2 → 11 − 2 = 9
    expect(nitCheckDigit("900000010")).toBe(9);
  });

  it("accepts a valid NIT with or without dots and dash, normalized", () => {
    for (const written of ["899.999.068-1", "899999068-1", "8999990681", " 899 999 068 - 1 "]) {
      expect(parseNit(written), written).toEqual({ ok: true, nit: "899999068-1" });
    }
    expect(formatNit("899999068-1")).toBe("899.999.068-1");
  });

  it("refuses a wrong check digit and malformed values", () => {
    expect(parseNit("899.999.068-2")).toEqual({ ok: false, problem: "checkDigit" });
    expect(parseNit("800197268-5")).toEqual({ ok: false, problem: "checkDigit" });
    for (const bad of ["", "abc", "899.99.068-1", "899999068-", "89-1", "000000000-0", "12345678901234-5", "899999068-1-1", "899,999,068-1"]) {
      expect(parseNit(bad).ok, bad).toBe(false);
    }
  });
});
