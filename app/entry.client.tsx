import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { COPY_SCRIPT_ID, type CopyArea } from "./i18n";
import { registerLoadedCopy } from "./i18n/load-area";

function alreadyRun(script: HTMLElement): boolean {
  const area = script.dataset.copyArea as CopyArea | undefined;
  return area ? Boolean(window.__cocreaCopyAreas?.[area]) : Boolean(window.__cocreaCopy);
}

/** The copy scripts load in parallel with this one; hydration needs their words, so it waits for them. */
function copyLoaded(): Promise<unknown> {
  const scripts = document.querySelectorAll<HTMLElement>(`#${COPY_SCRIPT_ID}, script[data-copy-area]`);
  return Promise.all(
    [...scripts].map((script) =>
      alreadyRun(script)
        ? undefined
        : new Promise<void>((resolve) => {
            script.addEventListener("load", () => resolve(), { once: true });
            // Without its copy the page still works as server-rendered HTML; hydration then shows keys.
            script.addEventListener("error", () => resolve(), { once: true });
          }),
    ),
  );
}

void copyLoaded().then(() => {
  registerLoadedCopy();
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
