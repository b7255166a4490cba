import { Fragment, type ReactNode } from "react";

/**
 * People's plain text as React elements: line breaks kept, http(s) addresses made links, nothing
 * else interpreted. No HTML is ever parsed from the text (React escapes every string), and a link
 * is only made from an address the URL parser reads as http: or https:, so `javascript:` and
 * friends stay text. Links are marked as user content for search engines (`nofollow ugc`).
 */
const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the address ("mira https://x.co/a."). */
const TRAILING = /[.,;:!?¡¿)\]}»”’]+$/;

/** The address as a safe link target, or null when it is not an http(s) URL. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

function linkify(line: string, lineIndex: number): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(ADDRESS)) {
    const start = match.index ?? 0;
    const address = match[0].replace(TRAILING, "");
    const href = safeHref(address);
    if (!href) continue;
    if (start > last) nodes.push(line.slice(last, start));
    nodes.push(
      <a key={`${lineIndex}-${start}`} href={href} rel="nofollow ugc noopener">
        {address}
      </a>,
    );
    last = start + address.length;
  }
  if (last < line.length) nodes.push(line.slice(last));
  return nodes;
}

export function RichText({ text, className }: { text: string; className?: string }) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return (
    <p className={className}>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {linkify(line, index)}
        </Fragment>
      ))}
    </p>
  );
}
