import { hasCopy, registerCopy, type Locale } from ".";
import type { CopyArea } from "./areas";

declare global {
  interface Window {
    /** The base copy of the page's language and where each area's script is (entry.server.tsx links it). */
    __cocreaCopy?: { locale: Locale; messages: Record<string, string>; areas: Record<CopyArea, string> };
    /** Area copies, set by their scripts as they load. */
    __cocreaCopyAreas?: Partial<Record<CopyArea, Record<string, string>>>;
  }
}

/** Registers whatever copy the scripts loaded so far hold. */
export function registerLoadedCopy(): void {
  const copy = window.__cocreaCopy;
  if (!copy) return;
  registerCopy(copy.locale, "base", copy.messages);
  for (const [area, messages] of Object.entries(window.__cocreaCopyAreas ?? {})) registerCopy(copy.locale, area as CopyArea, messages);
}

const loading = new Map<CopyArea, Promise<void>>();

/** Loads an area's copy script once; a failed load is retried on the next navigation (the page then shows keys). */
function loadArea(area: CopyArea): Promise<void> {
  const copy = window.__cocreaCopy;
  if (!copy || hasCopy(copy.locale, area)) return Promise.resolve();
  let pending = loading.get(area);
  if (!pending) {
    pending = new Promise<void>((resolve) => {
      const script = document.createElement("script");
      script.src = copy.areas[area];
      script.dataset.copyArea = area;
      script.addEventListener("load", () => resolve(), { once: true });
      script.addEventListener("error", () => (loading.delete(area), resolve()), { once: true });
      document.head.append(script);
    }).then(registerLoadedCopy);
    loading.set(area, pending);
  }
  return pending;
}

/**
 * The `clientLoader` of a route whose page needs copy areas: on client navigations it loads them
 * alongside the server's data, so the page renders with its words. (On the first page load the
 * server already linked them, and Remix does not run it.)
 */
export function loadCopyAreas(...areas: CopyArea[]) {
  return async <T>({ serverLoader }: { serverLoader: () => Promise<T> }): Promise<T> => {
    const [data] = await Promise.all([serverLoader(), ...areas.map(loadArea)]);
    return data;
  };
}
