import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/lib/actions";

describe("safeRedirect", () => {
  it("keeps paths of this site, with their query and fragment", () => {
    expect(safeRedirect("/ideas/nueva")).toBe("/ideas/nueva");
    expect(safeRedirect("/ideas?q=agua&sector=ICT#lista")).toBe("/ideas?q=agua&sector=ICT#lista");
  });

  it.each([
    ["a tab after the slash (what /ingresar?redirectTo=/%09/evil.example decodes to)", "/\t/evil.example"],
    ["a newline after the slash", "/\n/evil.example"],
    ["a carriage return after the slash", "/\r/evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["dot segments that collapse into //host", "/..//evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a scheme without slashes", "https:evil.example"],
    ["a relative path", "ideas"],
  ])("falls back to / for %s", (_label, target) => {
    expect(safeRedirect(target)).toBe("/");
  });

  it("never returns a control character, which would break the Location header", () => {
    for (const target of ["/a\nb", "/a\rb", "/ideas?q=\u0000", "/a\u0007b"]) {
      expect(safeRedirect(target)).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it("falls back for missing or non-string values", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/ideas")).toBe("/ideas");
    expect(safeRedirect(new File([], "x") as never)).toBe("/");
  });
});
