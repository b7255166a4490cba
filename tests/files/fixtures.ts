/** Real file headers (and tiny real files) for attachment tests. */
export const PDF_BYTES = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

/** A valid 1×1 PNG. */
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** A minimal baseline JPEG (SOI, JFIF APP0, …). */
export const JPEG_BYTES = Uint8Array.from(
  Buffer.from(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
    "base64",
  ),
);

export const TEXT_BYTES = new TextEncoder().encode("Esto es solo texto, no un PDF.\n");
/** Start of a Windows executable (MZ header). */
export const EXE_BYTES = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
export const HTML_BYTES = new TextEncoder().encode("<!DOCTYPE html><html><script>alert(1)</script></html>");

/** `header` followed by zeros up to exactly `size` bytes. */
export function padded(header: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(header.subarray(0, Math.min(header.length, size)));
  return bytes;
}

export function fileOf(bytes: Uint8Array, name: string, type = ""): File {
  return new File([Uint8Array.from(bytes)], name, { type });
}
