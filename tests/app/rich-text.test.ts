/** People's text is rendered as React elements: never HTML, links only to http(s) addresses. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText, safeHref } from "~/components/rich-text";

const render = (text: string) => renderToStaticMarkup(createElement(RichText, { text }));

describe("RichText", () => {
  it("keeps line breaks as <br> and text as text", () => {
    expect(render("Hola\nmundo\r\n¿qué tal?")).toBe("<p>Hola<br/>mundo<br/>¿qué tal?</p>");
  });

  it("makes http and https addresses links marked as user content, leaving sentence punctuation out", () => {
    expect(render("Mira https://www.barrancabermeja.gov.co/tramites. Y http://example.co")).toBe(
      '<p>Mira <a href="https://www.barrancabermeja.gov.co/tramites" rel="nofollow ugc noopener">https://www.barrancabermeja.gov.co/tramites</a>. Y ' +
        '<a href="http://example.co/" rel="nofollow ugc noopener">http://example.co</a></p>',
    );
  });

  it.each([
    ["<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"],
    ['<img src=x onerror="alert(1)">', "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>"],
    ["javascript:alert(1)", "<p>javascript:alert(1)</p>"],
    ["JaVaScRiPt:alert(document.cookie)", "<p>JaVaScRiPt:alert(document.cookie)</p>"],
    ["data:text/html,<script>alert(1)</script>", "<p>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</p>"],
    ["vbscript:msgbox(1)", "<p>vbscript:msgbox(1)</p>"],
  ])("renders %s as inert text", (input, html) => {
    expect(render(input)).toBe(html);
  });

  it("never lets a link's address break out of its attribute", () => {
    const html = render('https://example.co/"onmouseover="alert(1) y https://example.co/<b>');
    expect(html).not.toMatch(/<b>|onmouseover="/);
    expect(html).toContain('href="https://example.co/"');
  });

  it("links an address only when the URL parser reads http: or https:", () => {
    expect(safeHref("https://example.co/a?b=c")).toBe("https://example.co/a?b=c");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("https://")).toBeNull();
    expect(render("https://")).toBe("<p>https://</p>");
  });
});
