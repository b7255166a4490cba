/**
 * Calendar files of bookings over HTTP, mounted in server/http/app.ts before the Remix catch-all:
 *   GET /calendario/<token>.ics   a person's private feed (the token is the secret; no session)
 *   GET /reservas/<id>.ics        one booking, for its booker or the Secretariat (session cookie)
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { bookingIcs, calendarFeedIcs } from "../booking/calendar";
import { createContext, type Services } from "../trpc/context";
import { describeError } from "../trpc/error-shape";
import { nodeHeaders } from "./node-headers";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendIcs(res: Response, body: string, filename: string, cache: string) {
  res
    .status(200)
    .set("Content-Type", "text/calendar; charset=utf-8")
    .set("Content-Disposition", `attachment; filename="${filename}"`)
    .set("Cache-Control", cache)
    .send(body);
}

export function bookingCalendarRoutes(services: Services) {
  const routes = express.Router();
  routes.get("/calendario/:file", (req: Request, res: Response, next: NextFunction) => {
    const token = /^(.+)\.ics$/.exec(req.params.file ?? "")?.[1];
    if (!token) return next();
    calendarFeedIcs(services.db, token)
      .then((body) => {
        if (body === null) return void res.status(404).set("Cache-Control", "no-store").type("text/plain").send("Calendario no encontrado.");
        sendIcs(res, body, "cocrea-reservas.ics", "private, max-age=300");
      })
      .catch(next);
  });
  routes.get("/reservas/:file", (req: Request, res: Response, next: NextFunction) => {
    const id = /^(.+)\.ics$/.exec(req.params.file ?? "")?.[1];
    if (!id || !UUID.test(id)) return next();
    (async () => {
      const ctx = await createContext(services, { headers: nodeHeaders(req), ip: req.ip ?? "", setCookie: (c) => res.append("Set-Cookie", c) });
      try {
        sendIcs(res, await bookingIcs(services.db, ctx.actor, id), `reserva-${id.slice(0, 8)}.ics`, "private, no-store");
      } catch (error) {
        const description = describeError(error, ctx.locale);
        if (description.httpStatus >= 500) throw error;
        res.status(description.httpStatus).set("Cache-Control", "no-store").type("text/plain").send(description.message);
      }
    })().catch(next);
  });
  return routes;
}
