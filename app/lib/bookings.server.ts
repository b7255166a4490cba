/**
 * /reservas (my bookings, upcoming and past, and my private calendar feed), /reservas/:id (one
 * booking: its pass for check-in, cancelling, and the Secretariat's decision) and
 * /reservas/llegada/:code (where the pass's QR code leads: checking in). The procedures decide
 * every rule; these only read the forms and say where to go next.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { cancelInput, checkInInput, decideInput } from "../../server/booking/schemas";
import { z } from "../../server/validation";
import { safeRedirect } from "./actions";
import { readForm } from "./form-request.server";
import { intentAction } from "./forms.server";
import { requireSignIn } from "./organization-form.server";

function notFound(context: AppLoadContext, error: unknown): never {
  const { httpStatus, message } = context.describeError(error);
  if (httpStatus === 404 || httpStatus === 400) throw json({ message }, { status: 404 });
  throw error;
}

const cancelForm = z.object({ intent: z.literal("cancel"), id: z.uuid(), reason: cancelInput.shape.reason });
const decideForm = z.object({
  intent: z.literal("decide"),
  id: z.uuid(),
  decision: decideInput.shape.decision,
  reason: decideInput.shape.reason,
  /** The moderation queue decides in place and returns there. */
  redirectTo: z.string().max(500).optional(),
});
const feedForm = z.object({ intent: z.literal("feed") });
const checkInForm = z.object({ intent: z.literal("checkIn"), code: checkInInput.shape.code });

export async function myBookingsPage(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const past = new URL(request.url).searchParams.get("ver") === "pasadas";
  const [bookings, feed] = await Promise.all([
    context.caller.booking.mine({ scope: past ? "past" : "upcoming" }),
    context.caller.booking.calendarFeed(),
  ]);
  return { past, bookings, feed };
}

export async function myBookingsAction(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const form = await readForm({ request, context });
  return intentAction(context, form, { cancel: cancelForm, feed: feedForm }, async (values) => {
    if (values.intent === "feed") {
      const feed = await context.caller.booking.regenerateCalendarFeed();
      // Shown once: only its hash is kept.
      return json({ ok: true as const, feedUrl: new URL(feed.path, request.url).href });
    }
    await context.caller.booking.cancel({ id: values.id, reason: values.reason });
    return redirect(`/reservas?hecho=cancelada`);
  });
}

export async function bookingPage(context: AppLoadContext, request: Request, id: string) {
  requireSignIn(context, request);
  const [booking, pass] = await Promise.all([
    context.caller.booking.get({ id }).catch((error: unknown) => notFound(context, error)),
    context.caller.booking.pass({ id }).catch((error: unknown) => notFound(context, error)),
  ]);
  const actor = context.ctx.actor!;
  return { booking, pass, own: booking.userId === actor.id, secretariat: actor.role === "SECRETARIAT" };
}

export async function bookingAction(context: AppLoadContext, request: Request, id: string) {
  requireSignIn(context, request);
  const form = await readForm({ request, context });
  return intentAction(context, form, { cancel: cancelForm, decide: decideForm, checkIn: checkInForm }, async (values) => {
    if (values.intent === "decide") {
      await context.caller.booking.decide({ id, decision: values.decision, reason: values.reason });
      const done = values.decision === "approve" ? "aprobada" : "rechazada";
      return redirect(values.redirectTo ? safeRedirect(values.redirectTo) : `/reservas/${id}?hecho=${done}`);
    }
    if (values.intent === "checkIn") {
      await context.caller.booking.checkIn({ code: values.code });
      return redirect(`/reservas/${id}?hecho=llegada`);
    }
    await context.caller.booking.cancel({ id, reason: values.reason });
    return redirect(`/reservas/${id}?hecho=cancelada`);
  });
}

/** /reservas/llegada/:code: the QR code's address; the form checks in (the booker or the Secretariat's reception). */
export async function checkInPage(context: AppLoadContext, request: Request, code: string | undefined) {
  requireSignIn(context, request);
  return { code: code?.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 12) ?? "" };
}

export async function checkInAction(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const form = await readForm({ request, context });
  return intentAction(context, form, { checkIn: checkInForm }, async (values) => {
    const done = await context.caller.booking.checkIn({ code: values.code });
    return redirect(`/reservas/${done.id}?hecho=llegada`);
  });
}
