/** A strict RFC 4180 reader for the tests (no CSV parser is a dependency): CRLF records, quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 1;
    } else if (char === "\r" || char === "\n") throw new Error(`a line break outside quotes at ${i}: not RFC 4180`);
    else field += char;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}
