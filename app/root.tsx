import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { SiteFooter, SiteHeader } from "./components/layout";
import { ErrorPage } from "./components/error-page";
import { createI18n, htmlLang, type Locale } from "./i18n";
import { useNonce } from "./lib/nonce";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Cocrea · Barrancabermeja" },
  { name: "description", content: "Plataforma abierta de co-creación e innovación del Distrito de Barrancabermeja." },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const { ctx } = context;
  const user = ctx.user ? { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role } : null;
  return json({ locale: ctx.locale, user });
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ locale, children }: { locale: Locale; children: ReactNode }) {
  const nonce = useNonce();
  const i18n = useMemo(() => createI18n(locale), [locale]);
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
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRootData();
  const locale = data?.locale ?? "es";
  return (
    <Document locale={locale}>
      <SiteHeader user={data?.user ?? null} locale={locale} />
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
  const locale = data?.locale ?? "es";
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Document locale={locale}>
      <SiteHeader user={data?.user ?? null} locale={locale} />
      <main id="contenido" tabIndex={-1}>
        <ErrorPage notFound={notFound} />
      </main>
      <SiteFooter />
    </Document>
  );
}
