/**
 * The Secretariat's management of innovation centers (/espacios/gestion and its center pages):
 * who may open them, the center form read into the procedures' input, and the edit page's forms
 * (the center itself, closures added and removed, photos: ./place-photo.server.ts). The form's
 * fields are the procedures' own (server/booking/schemas.ts) except the opening hours, typed as
 * one text per weekday ("08:00-12:00, 14:00-18:00") and read here into `hours`, each weekday with
 * its own error.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { can } from "../../server/authz/policy";
import { centerFields, closureInput } from "../../server/booking/schemas";
import { formatDate } from "../../server/booking/time";
import { translate } from "../../server/i18n/messages";
import { z } from "../../server/validation";
import { actionFailure } from "./actions";
import { readForm } from "./form-request.server";
import { intentAction, parseSubmission, schemaConstraint, type FormSchema } from "./forms.server";
import { WEEKDAYS, formatDayRanges, parseDayRanges, type DayRange } from "./opening-hours";
import { isMultipart, removePhotoForm, submitPhoto } from "./place-photo.server";

export const MANAGEMENT_PATH = "/espacios/gestion";

/**
 * Pages of the Secretariat: a visitor signs in first and comes back; anyone else gets a 403 page
 * saying who manages centers.
 */
export function requireCenterManager(context: AppLoadContext, request: Request) {
  const { user, actor, locale } = context.ctx;
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/ingresar?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!can(actor, "center.manage", null)) throw json({ message: translate(locale, "center.manageForbidden") }, { status: 403 });
}

/** A number typed the Colombian way too ("7,0653"); empty stays missing so that "required" is what is said. */
export const decimalField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const text = value.trim();
    return text === "" ? undefined : Number(text.replace(",", "."));
  }, schema);

/** One weekday's ranges as typed; its own message when malformed or overlapping. */
const weekdayHours = z
  .string()
  .max(200)
  .optional()
  .transform((text, ctx): DayRange[] => {
    const parsed = parseDayRanges(text ?? "");
    if (parsed.ok) return parsed.ranges;
    ctx.addIssue({ code: "custom", message: parsed.problem === "format" ? "center.hoursFormat" : "center.hoursOverlap" });
    return z.NEVER;
  });

/** `hours1` (Monday) … `hours7` (Sunday): the weekday's field name. */
export const hoursFieldName = (weekday: number) => `hours${weekday}`;

const shape = centerFields.shape;

export const centerForm = z.object({
  name: shape.name,
  address: shape.address,
  latitude: decimalField(shape.latitude),
  longitude: decimalField(shape.longitude),
  description: shape.description,
  hours1: weekdayHours,
  hours2: weekdayHours,
  hours3: weekdayHours,
  hours4: weekdayHours,
  hours5: weekdayHours,
  hours6: weekdayHours,
  hours7: weekdayHours,
});

type CenterFormValues = z.output<typeof centerForm>;

/** The procedures' input: the seven weekdays' ranges as one `hours` list. */
function centerInput(values: CenterFormValues) {
  const { hours1, hours2, hours3, hours4, hours5, hours6, hours7, ...fields } = values;
  const days = [hours1, hours2, hours3, hours4, hours5, hours6, hours7];
  return { ...fields, hours: days.flatMap((ranges, index) => ranges.map((range) => ({ weekday: index + 1, ...range }))) };
}

const EDIT_FORMS = {
  save: centerForm.extend({ intent: z.literal("save") }),
  addClosure: z.object({
    intent: z.literal("addClosure"),
    startsOn: closureInput.shape.startsOn,
    endsOn: closureInput.shape.endsOn,
    reason: closureInput.shape.reason,
  }),
  removeClosure: z.object({ intent: z.literal("removeClosure"), closureId: z.uuid() }),
  removePhoto: removePhotoForm,
} satisfies Record<string, FormSchema>;

/** The list page: every center with all its spaces, active or not. */
export async function managementPage(context: AppLoadContext, request: Request) {
  requireCenterManager(context, request);
  const [centers, spaces] = await Promise.all([context.caller.center.list(), context.caller.space.listAll()]);
  return {
    centers: centers.map((center) => ({ ...center, spaces: spaces.filter((space) => space.centerId === center.id) })),
  };
}

export function newCenterPage(context: AppLoadContext, request: Request) {
  requireCenterManager(context, request);
  return { constraint: schemaConstraint(centerForm) };
}

export async function newCenterAction(context: AppLoadContext, request: Request) {
  requireCenterManager(context, request);
  const form = await readForm({ request, context });
  const parsed = parseSubmission(context, form, centerForm);
  if (!parsed.ok) return parsed.reply;
  try {
    const center = await context.caller.center.create(centerInput(parsed.value));
    return redirect(`${MANAGEMENT_PATH}/centros/${center.id}?hecho=creado`);
  } catch (error) {
    return actionFailure(context, error, parsed.values);
  }
}

/** center.get, or the 404 page for an unknown or malformed id. */
async function centerOr404(context: AppLoadContext, id: string | undefined) {
  try {
    return await context.caller.center.get({ id: id ?? "" });
  } catch (error) {
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) throw json({ message }, { status: 404 });
    throw error;
  }
}

export async function editCenterPage(context: AppLoadContext, request: Request, id: string | undefined) {
  requireCenterManager(context, request);
  const center = await centerOr404(context, id);
  const spaces = (await context.caller.space.listAll()).filter((space) => space.centerId === center.id);
  const { locale } = context.ctx;
  const saved: Record<string, string> = {
    name: center.name,
    address: center.address,
    latitude: String(center.latitude),
    longitude: String(center.longitude),
    description: center.description,
  };
  for (const weekday of WEEKDAYS) saved[hoursFieldName(weekday)] = formatDayRanges(center.hours.filter((h) => h.weekday === weekday));
  return {
    center: { id: center.id, name: center.name },
    saved,
    // Bogotá dates, written out in the visitor's language by the booking rules' own helper.
    closures: center.closures.map((c) => ({ ...c, startsLabel: formatDate(c.startsOn, locale), endsLabel: formatDate(c.endsOn, locale) })),
    holidays: center.holidays.map((h) => ({ ...h, label: formatDate(h.date, locale) })),
    spaces,
    photos: center.photos,
    constraint: { center: schemaConstraint(EDIT_FORMS.save), closure: schemaConstraint(EDIT_FORMS.addClosure) },
  };
}

export async function editCenterAction(context: AppLoadContext, request: Request, id: string | undefined) {
  requireCenterManager(context, request);
  const center = await centerOr404(context, id);
  const back = (done: string) => redirect(`${MANAGEMENT_PATH}/centros/${center.id}?hecho=${done}`);
  // The photo upload is the page's only multipart form, so the content type tells it apart.
  if (isMultipart(request)) return submitPhoto(context, request, { kind: "center", id: center.id }, () => back("foto"));
  const form = await readForm({ request, context });
  return intentAction(context, form, EDIT_FORMS, async (values) => {
    switch (values.intent) {
      case "save": {
        const { intent: _intent, ...fields } = values;
        await context.caller.center.update({ id: center.id, ...centerInput(fields) });
        return back("guardado");
      }
      case "addClosure":
        await context.caller.center.addClosure({ centerId: center.id, startsOn: values.startsOn, endsOn: values.endsOn, reason: values.reason });
        return back("cierre");
      case "removeClosure":
        await context.caller.center.removeClosure({ id: values.closureId });
        return back("cierreQuitado");
      case "removePhoto":
        await context.caller.center.removePhoto({ centerId: center.id, photoId: values.photoId });
        return back("fotoQuitada");
    }
  });
}
