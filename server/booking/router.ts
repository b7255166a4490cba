import { policyProcedure, protectedProcedure, publicProcedure, router } from "../trpc/init";
import { calendarFeedStatus, regenerateCalendarFeed } from "./calendar";
import { addClosure, centerDetail, createCenter, createSpace, listCenters, removeClosure, spaceDetail, updateCenter, updateSpace } from "./centers";
import { listSpaces, spaceAmenities } from "./search";
import { listManagedSpaces } from "./managed-spaces";
import { addPhoto, removePhoto } from "./photos";
import {
  addCenterPhotoInput,
  addSpacePhotoInput,
  availabilityInput,
  cancelInput,
  centerFields,
  checkInInput,
  closureInput,
  createBookingInput,
  createSeriesInput,
  decideInput,
  idInput,
  listSpacesInput,
  myBookingsInput,
  pendingInput,
  spaceBookingsInput,
  removeCenterPhotoInput,
  removeSpacePhotoInput,
  spaceFields,
  updateCenterInput,
  updateSpaceInput,
} from "./schemas";
import { bookingDetail, cancelBooking, checkIn, checkInPass, decideBooking, myBookings, pendingBookings, spaceBookings } from "./manage";
import { availabilityForSpace, createBooking, createSeries, databaseNow } from "./service";
import { localParts } from "./time";

/** Innovation centers: anyone reads them; the Secretariat manages them (policy "center.manage"). */
export const centerRouter = router({
  list: publicProcedure.query(({ ctx }) => listCenters(ctx.db)),
  /** Hours, closures from today on, the next 90 days' holidays (Colombia) and the active spaces. */
  get: publicProcedure.input(idInput).query(async ({ ctx, input }) => centerDetail(ctx.db, input.id, localParts(await databaseNow(ctx.db)).date)),
  create: policyProcedure("center.manage").input(centerFields).mutation(({ ctx, input }) => createCenter(ctx.db, ctx.actor, input)),
  /** Replaces the fields and the whole set of opening hours. */
  update: policyProcedure("center.manage").input(updateCenterInput).mutation(({ ctx, input }) => updateCenter(ctx.db, ctx.actor, input)),
  addClosure: policyProcedure("center.manage").input(closureInput).mutation(({ ctx, input }) => addClosure(ctx.db, ctx.actor, input)),
  removeClosure: policyProcedure("center.manage").input(idInput).mutation(({ ctx, input }) => removeClosure(ctx.db, ctx.actor, input.id)),
  /** An image the Secretariat uploaded (PNG or JPEG), with its alt text; at most 6 per center. */
  addPhoto: policyProcedure("center.manage")
    .input(addCenterPhotoInput)
    .mutation(({ ctx, input }) => addPhoto(ctx.db, ctx.actor, { kind: "center", id: input.centerId }, input)),
  removePhoto: policyProcedure("center.manage")
    .input(removeCenterPhotoInput)
    .mutation(({ ctx, input }) => removePhoto(ctx.db, ctx.actor, { kind: "center", id: input.centerId }, input.photoId)),
});

/** Spaces of the centers with their booking rules and photos. */
export const spaceRouter = router({
  /** Active spaces by center, kind, capacity, amenity and "free at" (bookable then for `freeMinutes`). */
  list: publicProcedure.input(listSpacesInput).query(({ ctx, input }) => listSpaces(ctx.db, input)),
  /** The amenities active spaces list (the filter's choices). */
  amenities: publicProcedure.query(({ ctx }) => spaceAmenities(ctx.db)),
  /** Every space, active or not, for the Secretariat's management page. */
  listAll: policyProcedure("center.manage").query(({ ctx }) => listManagedSpaces(ctx.db)),
  get: publicProcedure.input(idInput).query(({ ctx, input }) => spaceDetail(ctx.db, input.id)),
  create: policyProcedure("center.manage").input(spaceFields).mutation(({ ctx, input }) => createSpace(ctx.db, ctx.actor, input)),
  update: policyProcedure("center.manage").input(updateSpaceInput).mutation(({ ctx, input }) => updateSpace(ctx.db, ctx.actor, input)),
  /** An image the Secretariat uploaded (PNG or JPEG), with its alt text; at most 6 per space. */
  addPhoto: policyProcedure("center.manage")
    .input(addSpacePhotoInput)
    .mutation(({ ctx, input }) => addPhoto(ctx.db, ctx.actor, { kind: "space", id: input.spaceId }, input)),
  removePhoto: policyProcedure("center.manage")
    .input(removeSpacePhotoInput)
    .mutation(({ ctx, input }) => removePhoto(ctx.db, ctx.actor, { kind: "space", id: input.spaceId }, input.photoId)),
});

export const availabilityRouter = router({
  /** Free slots per Bogotá day (≤ 31 days), with why a day is closed. */
  forSpace: publicProcedure.input(availabilityInput).query(({ ctx, input }) => availabilityForSpace(ctx.db, input)),
});

export const bookingRouter = router({
  /** PENDING when the space requires approval, otherwise CONFIRMED; 409 with alternatives when the slot was just taken. */
  create: protectedProcedure.input(createBookingInput).mutation(({ ctx, input }) => createBooking(ctx.db, ctx.actor, input, ctx.locale)),
  /** Weekly, 2 to 12 occurrences, ALL_OR_NOTHING or SKIP_CONFLICTS (skipped dates listed with their reason). */
  createSeries: protectedProcedure.input(createSeriesInput).mutation(({ ctx, input }) => createSeries(ctx.db, ctx.actor, input, ctx.locale)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => bookingDetail(ctx.db, ctx.actor, input.id)),
  mine: protectedProcedure.input(myBookingsInput).query(({ ctx, input }) => myBookings(ctx.db, ctx.actor, input.scope)),
  pending: policyProcedure("booking.decide").input(pendingInput).query(({ ctx, input }) => pendingBookings(ctx.db, input.spaceId)),
  /** The live bookings of a space between two dates, with who booked: the Secretariat's view (to cancel any). */
  ofSpace: policyProcedure("booking.decide").input(spaceBookingsInput).query(({ ctx, input }) => spaceBookings(ctx.db, input)),
  /** The booker until the start; the Secretariat with a reason (audited). */
  cancel: protectedProcedure.input(cancelInput).mutation(({ ctx, input }) => cancelBooking(ctx.db, ctx.actor, input)),
  decide: policyProcedure("booking.decide").input(decideInput).mutation(({ ctx, input }) => decideBooking(ctx.db, ctx.actor, input)),
  /** Short code and QR (SVG) for check-in. */
  pass: protectedProcedure
    .input(idInput)
    .query(({ ctx, input }) => checkInPass(ctx.db, ctx.actor, input.id, { noShowMinutes: ctx.env.BOOKING_NO_SHOW_MINUTES, publicUrl: ctx.env.PUBLIC_URL })),
  checkIn: protectedProcedure.input(checkInInput).mutation(({ ctx, input }) => checkIn(ctx.db, ctx.actor, input.code, ctx.env.BOOKING_NO_SHOW_MINUTES, ctx.locale)),
  /** Whether the caller has a private calendar feed (its address is shown only when made). */
  calendarFeed: protectedProcedure.query(({ ctx }) => calendarFeedStatus(ctx.db, ctx.actor)),
  /** A new secret feed address; the previous one stops working. */
  regenerateCalendarFeed: protectedProcedure.mutation(({ ctx }) => regenerateCalendarFeed(ctx.db, ctx.actor)),
});
