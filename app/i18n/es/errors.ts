/**
 * Error pages (app/components/error-page.tsx). Also bundled for the browser as the root error page's
 * fallback (app/i18n/fallback.ts), so keep it small.
 */
export const errors = {
  "error.notFoundTitle": "Página no encontrada",
  "error.notFound": "No encontramos la página que buscas. Puede que el enlace esté mal escrito o que el contenido ya no exista.",
  "error.title": "Algo salió mal",
  "error.forbiddenTitle": "No tienes acceso a esta página",
  "error.requestTitle": "No pudimos procesar la solicitud",
  "error.unavailableTitle": "Servicio no disponible por un momento",
  "error.generic": "Ocurrió un error inesperado. Inténtalo de nuevo en unos minutos.",
  "error.goHome": "Ir al inicio",
} as const;
