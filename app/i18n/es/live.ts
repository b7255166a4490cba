/** Live updates of the indicators page (app/components/live-indicators.tsx). */
export const live = {
  "live.updated": "Actualizado hace un momento",
};
