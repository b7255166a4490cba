import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { registerMessages, type Locale, type UiMessages } from "./i18n";

declare global {
  interface Window {
    /** The copy of the page's language, written into the page by entry.server.tsx. */
    __cocreaCopy?: { locale: Locale; messages: UiMessages };
  }
}

const copy = window.__cocreaCopy;
if (copy) registerMessages(copy.locale, copy.messages);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
