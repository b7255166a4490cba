import { describe, expect, it } from "vitest";
import { createTranslator } from "../../server/i18n/translate";
import { translate } from "../../server/i18n/messages";

const messages = {
  greeting: "Hola, {{name}}",
  "files_one": "{{count}} archivo",
  "files_other": "{{count}} archivos",
  "state.DRAFT": "Borrador",
  notDraft: "Esta idea está «$t(state.{{status}})».",
  literal: "Sin variables {{missing}}",
};

describe("createTranslator", () => {
  const { t, exists } = createTranslator("es", messages);

  it("fills placeholders with the values given", () => {
    expect(t("greeting", { name: "Ana" })).toBe("Hola, Ana");
  });

  it("chooses the plural form by count and the language's rules", () => {
    expect(t("files", { count: 1 })).toBe("1 archivo");
    expect(t("files", { count: 0 })).toBe("0 archivos");
    expect(t("files", { count: 7 })).toBe("7 archivos");
    const english = createTranslator("en", { "files_one": "{{count}} file", "files_other": "{{count}} files" });
    expect(english.t("files", { count: 1 })).toBe("1 file");
    expect(english.t("files", { count: 2 })).toBe("2 files");
  });

  it("nests another message after filling placeholders", () => {
    expect(t("notDraft", { status: "DRAFT" })).toBe("Esta idea está «Borrador».");
  });

  it("shows a missing key as the key and leaves an unfilled placeholder visible", () => {
    expect(t("nowhere")).toBe("nowhere");
    expect(t("literal", {})).toBe("Sin variables {{missing}}");
    expect(exists("files")).toBe(true);
    expect(exists("nowhere")).toBe(false);
  });

  it("keeps inserted values as they are (escaping is React's job), without re-reading them as placeholders", () => {
    expect(t("greeting", { name: "<b>{{count}}</b>" })).toBe("Hola, <b>{{count}}</b>");
  });
});

describe("API messages", () => {
  it("name states inside messages in each language", () => {
    expect(translate("es", "idea.notDraft", { status: "PUBLISHED" })).toMatch(/«Publicada»/);
    expect(translate("en", "idea.notDraft", { status: "PUBLISHED" })).toMatch(/“?Published/);
  });
});
