import { describe, expect, it } from "vitest";
import { ATTACHMENT_ACCEPT, ATTACHMENT_TYPES, LARGEST_ATTACHMENT_BYTES, MEGABYTE, formatSize } from "../../server/files/rules";
import { checkAttachment } from "../../server/files/checks";
import { contentDisposition } from "../../server/files/download";
import { MAX_FILE_NAME_LENGTH, sanitizeFileName, sniffAttachmentType, withExtensionFor } from "../../server/files/sniff";
import { AppError } from "../../server/trpc/errors";
import { EXE_BYTES, HTML_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES, TEXT_BYTES, padded } from "./fixtures";

const bytes = (...values: number[]) => Uint8Array.from(values);

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("content sniffing", () => {
  it("recognizes PDF, PNG and JPEG by their magic bytes", () => {
    expect(sniffAttachmentType(PDF_BYTES)?.mime).toBe("application/pdf");
    expect(sniffAttachmentType(PNG_BYTES)?.mime).toBe("image/png");
    expect(sniffAttachmentType(JPEG_BYTES)?.mime).toBe("image/jpeg");
    expect(sniffAttachmentType(bytes(0xff, 0xd8, 0xff, 0xdb))?.mime).toBe("image/jpeg");
  });

  it("rejects text, executables, HTML and near misses", () => {
    expect(sniffAttachmentType(TEXT_BYTES)).toBeNull();
    expect(sniffAttachmentType(EXE_BYTES)).toBeNull();
    expect(sniffAttachmentType(HTML_BYTES)).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
    // The signature must be at offset 0 and complete.
    expect(sniffAttachmentType(new TextEncoder().encode(" %PDF-1.4"))).toBeNull();
    expect(sniffAttachmentType(new TextEncoder().encode("%PDF"))).toBeNull();
    expect(sniffAttachmentType(PNG_BYTES.subarray(0, 7))).toBeNull();
    expect(sniffAttachmentType(bytes(0xff, 0xd8))).toBeNull();
  });

  it("judges by content: a text file named .pdf with a PDF mime is refused", () => {
    const error = rejection(() => checkAttachment("informe.pdf", Uint8Array.from(TEXT_BYTES)));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.messageKey).toBe("file.typeNotAllowed");
    expect(error.params).toEqual({ name: "informe.pdf" });
    expect(error.fieldErrors.attachments).toEqual({ key: "file.typeNotAllowed", params: { name: "informe.pdf" } });
    expect(rejection(() => checkAttachment("setup.pdf", Uint8Array.from(EXE_BYTES))).messageKey).toBe("file.typeNotAllowed");
    expect(rejection(() => checkAttachment("page.png", Uint8Array.from(HTML_BYTES))).messageKey).toBe("file.typeNotAllowed");
  });

  it("takes the type from the content and fixes a misleading extension", () => {
    const checked = checkAttachment("foto.pdf", Uint8Array.from(PNG_BYTES));
    expect(checked.contentType).toBe("image/png");
    expect(checked.name).toBe("foto.pdf.png");
    expect(checkAttachment("scan.JPEG", Uint8Array.from(JPEG_BYTES)).name).toBe("scan.JPEG");
    expect(withExtensionFor("Acta", ATTACHMENT_TYPES[0])).toBe("Acta.pdf");
  });

  it("applies each type's own size limit, at the exact boundary", () => {
    expect(checkAttachment("a.png", padded(PNG_BYTES, 5 * MEGABYTE)).size).toBe(5 * MEGABYTE);
    const image = rejection(() => checkAttachment("a.png", padded(PNG_BYTES, 5 * MEGABYTE + 1)));
    expect(image.messageKey).toBe("file.tooLarge");
    expect(image.params).toEqual({ name: "a.png", max: "5 MB" });
    expect(checkAttachment("a.pdf", padded(PDF_BYTES, 10 * MEGABYTE)).size).toBe(10 * MEGABYTE);
    expect(rejection(() => checkAttachment("a.pdf", padded(PDF_BYTES, 10 * MEGABYTE + 1))).params).toEqual({ name: "a.pdf", max: "10 MB" });
    expect(rejection(() => checkAttachment("vacío.pdf", new Uint8Array())).messageKey).toBe("file.empty");
  });
});

describe("file names", () => {
  it("strips folders of either kind", () => {
    expect(sanitizeFileName("C:\\Users\\ana\\Informe final.pdf")).toBe("Informe final.pdf");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("..\\..\\boot.ini")).toBe("boot.ini");
    expect(sanitizeFileName("/")).toBe("archivo");
  });

  it("removes control and invisible formatting characters, keeps accents", () => {
    expect(sanitizeFileName("año\u0000\u0007\n2024.pdf")).toBe("año2024.pdf");
    // U+202E (right-to-left override) would display "evilfdp.exe" as "evilexe.pdf".
    expect(sanitizeFileName("evil\u202Efdp.exe")).toBe("evilfdp.exe");
    expect(sanitizeFileName("Presentación Ñandú — señor.pdf")).toBe("Presentación Ñandú — señor.pdf");
    // Decomposed accents (macOS) are composed.
    expect(sanitizeFileName("Presentacio\u0301n.pdf")).toBe("Presentación.pdf");
    expect(sanitizeFileName("a<b>:c|d?*\".pdf")).toBe("a_b__c_d___.pdf");
    expect(sanitizeFileName("  .htaccess  ")).toBe("htaccess");
    expect(sanitizeFileName("   ")).toBe("archivo");
  });

  it("limits names to 200 characters and keeps the extension", () => {
    const long = sanitizeFileName(`${"á".repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith("á.pdf")).toBe(true);
    // Astral characters are never cut in half.
    const emoji = sanitizeFileName("😀".repeat(250));
    expect(Array.from(emoji)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(emoji).toBe("😀".repeat(MAX_FILE_NAME_LENGTH));
    expect(sanitizeFileName("corto.pdf")).toBe("corto.pdf");
  });

  it("writes Content-Disposition with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("inline", "Presentación (final) ñ's.pdf")).toBe(
      "inline; filename=\"Presentacion (final) n's.pdf\"; filename*=UTF-8''Presentaci%C3%B3n%20%28final%29%20%C3%B1%27s.pdf",
    );
    expect(contentDisposition("attachment", 'a"b\\c.pdf')).toBe(
      "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf",
    );
  });
});

describe("rules", () => {
  it("allows PDF up to 10 MB and images up to 5 MB", () => {
    expect(ATTACHMENT_TYPES.map((t) => [t.mime, t.maxMegabytes])).toEqual([
      ["application/pdf", 10],
      ["image/png", 5],
      ["image/jpeg", 5],
    ]);
    expect(LARGEST_ATTACHMENT_BYTES).toBe(10 * 1024 * 1024);
    expect(ATTACHMENT_ACCEPT).toBe("application/pdf,.pdf,image/png,.png,image/jpeg,.jpg,.jpeg");
  });

  it("formats sizes for people", () => {
    expect(formatSize(10 * MEGABYTE)).toBe("10 MB");
    expect(formatSize(5 * MEGABYTE)).toBe("5 MB");
    expect(formatSize(1.5 * MEGABYTE)).toBe("1,5 MB");
    expect(formatSize(1.5 * MEGABYTE, "en")).toBe("1.5 MB");
    expect(formatSize(512 * 1024)).toBe("512 KB");
    expect(formatSize(300)).toBe("300 B");
  });
});
