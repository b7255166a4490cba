/**
 * Page titles and description (app/lib/meta.ts). Also bundled for the browser as the root error page's
 * fallback (app/i18n/fallback.ts), so keep it small.
 */
export const meta = {
  "meta.homeTitle": "Cocrea · Barrancabermeja",
  "meta.pageTitle": "{{page}} · Cocrea",
  "meta.description": "Plataforma abierta de co-creación e innovación del Distrito de Barrancabermeja.",
} as const;
