/**
 * The Secretariat's space form (/espacios/gestion/espacios/nuevo and …/espacios/:id): the
 * procedures' own fields (server/booking/schemas.ts spaceFields) with two read differently from a
 * page: the amenities typed as one comma-separated text, and `active` false when its box is left
 * unchecked (a browser sends nothing for it, which the procedure would read as its default, true).
 * The edit page also lists the space's photos, uploaded and removed by ./place-photo.server.ts's forms.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { spaceFields } from "../../server/booking/schemas";
import { z } from "../../server/validation";
import { actionFailure } from "./actions";
import { MANAGEMENT_PATH, requireCenterManager } from "./center-admin.server";
import { readForm } from "./form-request.server";
import { parseSubmission, schemaConstraint } from "./forms.server";
import { isMultipart, removePhotoForm, submitPhoto } from "./place-photo.server";

const shape = spaceFields.shape;
const MAX_AMENITIES = 30;
const MAX_AMENITY_LENGTH = 80;

/** "Proyector, Tablero, Wi-Fi" → ["Proyector", "Tablero", "Wi-Fi"]; refused on the field itself, not on an item. */
const amenitiesText = z
  .string()
  .max(MAX_AMENITIES * (MAX_AMENITY_LENGTH + 2))
  .optional()
  .transform((text, ctx): string[] => {
    const items = (text ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
    if (items.length > MAX_AMENITIES) {
      ctx.addIssue({ code: "too_big", origin: "array", maximum: MAX_AMENITIES, inclusive: true, input: items, message: "validation.tooMany" });
    } else if (items.some((item) => item.length > MAX_AMENITY_LENGTH)) {
      ctx.addIssue({ code: "too_big", origin: "string", maximum: MAX_AMENITY_LENGTH, inclusive: true, input: text, message: "validation.tooLong" });
    }
    return [...new Set(items)];
  });

export const spaceForm = z.object({
  ...shape,
  amenities: amenitiesText,
  active: z.boolean().default(false),
});

type SpaceForm = z.output<typeof spaceForm>;

/** The centers the space may belong to, by name. */
async function centerOptions(context: AppLoadContext) {
  const centers = await context.caller.center.list();
  return centers.map(({ id, name }) => ({ id, name }));
}

export async function newSpacePage(context: AppLoadContext, request: Request) {
  requireCenterManager(context, request);
  const centers = await centerOptions(context);
  const wanted = new URL(request.url).searchParams.get("centro");
  return {
    centers,
    // Reached from a center's "add a space" link: that center is chosen already.
    centerId: centers.find((c) => c.id === wanted)?.id ?? null,
    constraint: schemaConstraint(spaceForm),
  };
}

export async function newSpaceAction(context: AppLoadContext, request: Request) {
  requireCenterManager(context, request);
  const form = await readForm({ request, context });
  const parsed = parseSubmission(context, form, spaceForm);
  if (!parsed.ok) return parsed.reply;
  try {
    await context.caller.space.create(parsed.value satisfies SpaceForm);
    return redirect(`${MANAGEMENT_PATH}?hecho=espacio`);
  } catch (error) {
    return actionFailure(context, error, parsed.values);
  }
}

/** space.get, or the 404 page for an unknown or malformed id. */
async function spaceOr404(context: AppLoadContext, id: string | undefined) {
  try {
    return await context.caller.space.get({ id: id ?? "" });
  } catch (error) {
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) throw json({ message }, { status: 404 });
    throw error;
  }
}

export async function editSpacePage(context: AppLoadContext, request: Request, id: string | undefined) {
  requireCenterManager(context, request);
  const [space, centers] = await Promise.all([spaceOr404(context, id), centerOptions(context)]);
  return {
    space: { id: space.id, name: space.name, center: { id: space.center.id, name: space.center.name } },
    saved: {
      centerId: space.centerId,
      name: space.name,
      kind: space.kind,
      capacity: String(space.capacity),
      amenities: space.amenities.join(", "),
      accessibilityNotes: space.accessibilityNotes,
      description: space.description,
      slotMinutes: String(space.slotMinutes),
      minDurationMinutes: String(space.minDurationMinutes),
      maxDurationMinutes: String(space.maxDurationMinutes),
      minLeadMinutes: String(space.minLeadMinutes),
      maxHorizonDays: String(space.maxHorizonDays),
      bufferMinutes: String(space.bufferMinutes),
      requiresApproval: space.requiresApproval,
      allowedRoles: space.allowedRoles as string[],
      userWeeklyHours: space.userWeeklyHours === null ? "" : String(space.userWeeklyHours),
      orgWeeklyHours: space.orgWeeklyHours === null ? "" : String(space.orgWeeklyHours),
      active: space.active,
    },
    centers,
    photos: space.photos,
    constraint: schemaConstraint(spaceForm),
  };
}

export async function editSpaceAction(context: AppLoadContext, request: Request, id: string | undefined) {
  requireCenterManager(context, request);
  const space = await spaceOr404(context, id);
  const back = (done: string) => redirect(`${MANAGEMENT_PATH}/espacios/${space.id}?hecho=${done}`);
  // The photo upload is the page's only multipart form, so the content type tells it apart.
  if (isMultipart(request)) return submitPhoto(context, request, { kind: "space", id: space.id }, () => back("foto"));
  const form = await readForm({ request, context });
  if (form.get("intent") === "removePhoto") return removeSpacePhoto(context, form, space.id, () => back("fotoQuitada"));
  const parsed = parseSubmission(context, form, spaceForm);
  if (!parsed.ok) return parsed.reply;
  try {
    await context.caller.space.update({ id: space.id, ...parsed.value });
    return back("guardado");
  } catch (error) {
    return actionFailure(context, error, parsed.values);
  }
}

async function removeSpacePhoto(context: AppLoadContext, form: FormData, spaceId: string, done: () => Response) {
  const parsed = parseSubmission(context, form, removePhotoForm);
  if (!parsed.ok) return parsed.reply;
  try {
    await context.caller.space.removePhoto({ spaceId, photoId: parsed.value.photoId });
    return done();
  } catch (error) {
    return actionFailure(context, error, parsed.values);
  }
}
