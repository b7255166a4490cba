import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { SiteFooter, SiteHeader } from "./components/layout";
import { ErrorPage } from "./components/error-page";
import { htmlLang, translatorFor, type Locale } from "./i18n";
import { copyAreasOf } from "./i18n/areas";
import { TranslatorProvider } from "./i18n/react";
import { pageMeta } from "./lib/meta";
import { useNonce } from "./lib/nonce";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches);

/**
 * A response a loader or action throws (405 from a form route, 503 while the database is down)
 * is rendered by the error boundary here; Remix keeps only its cookies unless this passes on
 * the headers the status needs.
 */
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const passed = new Headers();
  for (const name of ["Allow", "Retry-After"]) {
    const value = errorHeaders?.get(name);
    if (value) passed.set(name, value);
  }
  return passed;
};

export async function loader({ context }: LoaderFunctionArgs) {
  const { ctx } = context;
  const user = ctx.user ? { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role } : null;
  // The header's badge: one statement on the partial index of unread notifications, signed-in
  // people only. A badge is not worth failing the page for: without it the header has no count.
  const unread = user ? await context.caller.notification.unreadCount().catch(() => null) : null;
  // The language's copy is not here: entry.server.tsx writes it into the page once (app/i18n/index.ts).
  return json({ locale: ctx.locale, user, unread });
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ locale, children }: { locale: Locale; children: ReactNode }) {
  const nonce = useNonce();
  const translator = translatorFor(locale, copyAreasOf(useMatches()));
  return (
    <html lang={htmlLang(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <TranslatorProvider translator={translator}>{children}</TranslatorProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** Module state, not a ref: App and ErrorBoundary replace each other on navigation. Browser only. */
let shownPathname: string | null = null;

/**
 * After a client-side navigation to another page, focus goes to its main heading, as a full page
 * load would start a screen reader there. Not on the first load (the browser handles that), nor
 * when only the query or hash changes (filters, "more ideas", the skip link): those keep the
 * person's place on the same page.
 */
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  useEffect(() => {
    const previous = shownPathname;
    shownPathname = pathname;
    if (previous === null || previous === pathname) return;
    // A form answering with errors on arrival has already sent focus to its summary.
    if (document.activeElement?.closest(".error-summary")) return;
    const main = document.getElementById("contenido");
    const heading = main?.querySelector<HTMLElement>("h1");
    const target = heading ?? main;
    if (!target) return;
    if (target === heading && !heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    // ScrollRestoration already put the page where it belongs.
    target.focus({ preventScroll: true });
  }, [pathname]);
}

export default function App() {
  const data = useRootData();
  const locale = data?.locale ?? "es";
  useFocusHeadingOnNavigation();
  return (
    <Document locale={locale}>
      <SiteHeader user={data?.user ?? null} locale={locale} unread={data?.unread ?? null} />
      <main id="contenido" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRootData();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useFocusHeadingOnNavigation();
  if (!data) {
    // The root loader itself failed, so there is no language and no user: the error alone, in
    // Spanish, without the header and footer.
    return (
      <Document locale="es">
        <main id="contenido" tabIndex={-1}>
          <ErrorPage notFound={notFound} />
        </main>
      </Document>
    );
  }
  return (
    <Document locale={data.locale}>
      <SiteHeader user={data.user} locale={data.locale} unread={data.unread} />
      <main id="contenido" tabIndex={-1}>
        <ErrorPage notFound={notFound} />
      </main>
      <SiteFooter />
    </Document>
  );
}
