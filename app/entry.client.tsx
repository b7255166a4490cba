import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { COPY_SCRIPT_ID, registerMessages, type Locale, type UiMessages } from "./i18n";

declare global {
  interface Window {
    /** The copy of the page's language, set by the script entry.server.tsx links in the head. */
    __cocreaCopy?: { locale: Locale; messages: UiMessages };
  }
}

/** The copy script loads in parallel with this one; hydration needs its words, so it waits for it. */
function copyLoaded(): Promise<void> {
  const script = document.getElementById(COPY_SCRIPT_ID);
  if (window.__cocreaCopy || !script) return Promise.resolve();
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve(), { once: true });
    // Without its copy the page still works as server-rendered HTML; hydration then shows keys.
    script.addEventListener("error", () => resolve(), { once: true });
  });
}

void copyLoaded().then(() => {
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
});
