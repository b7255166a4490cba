/**
 * The words of notification emails, in the recipient's language, as plain text and as simple
 * HTML (every value escaped: titles, names and reasons are typed by people).
 */
import type { NotificationKind } from "../../db/generated/enums";
import { isLocale, DEFAULT_LOCALE, TIME_ZONE, type Locale } from "../../i18n/locale";
import { emailText } from "./messages";

export interface NotificationFacts {
  kind: NotificationKind;
  ideaId: string | null;
  ideaTitle: string | null;
  /** For CALL_* kinds: the call's title and address (/convocatorias/<slug>). */
  callTitle?: string | null;
  callSlug?: string | null;
  /** For BOOKING_* kinds: the booking's page is /reservas/<bookingId>. */
  bookingId?: string | null;
  /** For ALLIANCE_* kinds: the alliance's page is /alianzas/<allianceId>. */
  allianceId?: string | null;
  /** Null: the platform itself. */
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface Links {
  /** The site's public origin, without a trailing slash. */
  baseUrl: string;
  unsubscribeUrl: string;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

export function emailLocale(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** A date of a call's timeline or a booking's start as people in Barrancabermeja read it. */
function bogotaDateTime(value: unknown, locale: Locale): string {
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) return "";
  return new Intl.DateTimeFormat(locale === "en" ? "en-US" : "es-CO", { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(
    new Date(value),
  );
}

/**
 * Kinds whose sentence depends on what happened (`data` says which): the body key gets that suffix.
 * The allowed values keep a stray value from naming a key that does not exist.
 */
const VARIANTS: Partial<Record<NotificationKind, { field: string; values: readonly string[] }>> = {
  REPORT_OUTCOME: { field: "outcome", values: ["dismiss", "uphold"] },
  CALL_PROPOSAL_DECISION: { field: "decision", values: ["approve", "requestChanges", "reject"] },
  CALL_PARTICIPATION_DECISION: { field: "status", values: ["INVITED", "ACCEPTED", "DECLINED"] },
  CALL_DEADLINE_EXTENDED: { field: "change", values: ["extended", "cancelled"] },
  BOOKING_DECISION: { field: "decision", values: ["approve", "reject", "expired"] },
  ALLIANCE_INVITATION: { field: "as", values: ["person", "organization"] },
  ALLIANCE_STATUS_CHANGED: { field: "status", values: ["ACTIVE", "COMPLETED", "WITHDRAWN"] },
};

/** The body key of a notification: its kind, with the variant `data` names (first allowed value by default). */
export function notificationBodyKey(kind: NotificationKind, data: Record<string, unknown>): `email.body.${string}` {
  const variant = VARIANTS[kind];
  if (!variant) return `email.body.${kind}`;
  const value = str(data[variant.field]);
  return `email.body.${kind}.${variant.values.includes(value) ? value : variant.values[0]}`;
}

/** Calls' notifications link to the call's page; the others to their idea. */
export const isCallNotification = (kind: NotificationKind) => kind.startsWith("CALL_");
/** Bookings' notifications link to the booking's page. */
export const isBookingNotification = (kind: NotificationKind) => kind.startsWith("BOOKING_");
/** Alliances' notifications link to the alliance's page. */
export const isAllianceNotification = (kind: NotificationKind) => kind.startsWith("ALLIANCE_");

function notificationLink(item: NotificationFacts, baseUrl: string, t: (key: `email.${string}`) => string) {
  if (isAllianceNotification(item.kind)) return { href: `${baseUrl}/alianzas/${item.allianceId ?? ""}`, label: t("email.openAlliance") };
  if (isBookingNotification(item.kind)) return { href: `${baseUrl}/reservas/${item.bookingId ?? ""}`, label: t("email.openBooking") };
  if (isCallNotification(item.kind)) return { href: `${baseUrl}/convocatorias/${item.callSlug ?? ""}`, label: t("email.openCall") };
  const invitation = item.kind === "COAUTHOR_INVITATION";
  return { href: invitation ? `${baseUrl}/mis-ideas` : `${baseUrl}/ideas/${item.ideaId ?? ""}`, label: t(invitation ? "email.openInvitations" : "email.open") };
}

/** Subject, sentence, extra lines (reason, excerpt) and the link of one notification. */
export function describeNotification(locale: Locale, item: NotificationFacts, baseUrl: string) {
  const t = (key: `email.${string}`, params?: Record<string, string | number>) => emailText(locale, key, params);
  const params = {
    title: item.ideaTitle ?? item.callTitle ?? "",
    actor: item.actorName ?? t(item.actorId === null ? "email.platform" : "email.someone"),
    from: str(item.data.from),
    to: str(item.data.to),
    status: str(item.data.status),
    role: str(item.data.role),
    organization: str(item.data.organization),
    closesAt: bogotaDateTime(item.data.closesAt, locale),
    space: str(item.data.spaceName),
    startsAt: bogotaDateTime(item.data.startsAt, locale),
    alliance: str(item.data.alliance),
  };
  const bodyKey = notificationBodyKey(item.kind, item.data);
  const extra: string[] = [];
  if (str(item.data.reason)) extra.push(t("email.reason", { reason: str(item.data.reason) }));
  if (str(item.data.excerpt)) extra.push(t("email.excerpt", { excerpt: str(item.data.excerpt) }));
  const link = notificationLink(item, baseUrl, t);
  return {
    subject: t(`email.subject.${item.kind}`, params),
    sentence: t(bodyKey, params),
    extra,
    link,
  };
}

type Described = ReturnType<typeof describeNotification>;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function footer(locale: Locale, links: Links) {
  const t = (key: `email.${string}`, params?: Record<string, string>) => emailText(locale, key, params);
  const preferencesUrl = `${links.baseUrl}/cuenta/notificaciones`;
  return {
    text: [t("email.why", { url: preferencesUrl }), t("email.unsubscribe", { url: links.unsubscribeUrl })].join("\n"),
    html:
      `<p style="color:#555;font-size:13px">${escapeHtml(t("email.why", { url: "" }).trim())} ` +
      `<a href="${escapeHtml(preferencesUrl)}">${escapeHtml(t("email.preferencesLink"))}</a> · ` +
      `<a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(t("email.unsubscribeLink"))}</a></p>`,
  };
}

function itemText(d: Described): string {
  return [d.sentence, ...d.extra, `${d.link.label}: ${d.link.href}`].join("\n");
}

function itemHtml(d: Described): string {
  return (
    `<p>${escapeHtml(d.sentence)}</p>` +
    d.extra.map((line) => `<p>${escapeHtml(line)}</p>`).join("") +
    `<p><a href="${escapeHtml(d.link.href)}">${escapeHtml(d.link.label)}</a></p>`
  );
}

function page(locale: Locale, body: string): string {
  return `<!doctype html><html lang="${locale === "en" ? "en" : "es-CO"}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5">${body}</body></html>`;
}

export function renderNotificationEmail(localeName: string, recipientName: string, item: NotificationFacts, links: Links): MailContent {
  const locale = emailLocale(localeName);
  const d = describeNotification(locale, item, links.baseUrl);
  const greeting = emailText(locale, "email.greeting", { name: recipientName });
  const end = footer(locale, links);
  return {
    subject: d.subject,
    text: `${greeting}\n\n${itemText(d)}\n\n--\n${end.text}\n`,
    html: page(locale, `<p>${escapeHtml(greeting)}</p>${itemHtml(d)}<hr>${end.html}`),
  };
}

export function renderDigestEmail(localeName: string, recipientName: string, items: NotificationFacts[], links: Links): MailContent {
  const locale = emailLocale(localeName);
  const described = items.map((item) => describeNotification(locale, item, links.baseUrl));
  const greeting = emailText(locale, "email.greeting", { name: recipientName });
  const intro = emailText(locale, "email.digest.intro");
  const end = footer(locale, links);
  return {
    subject: emailText(locale, "email.digest.subject", { count: items.length }),
    text: `${greeting}\n\n${intro}\n\n${described.map(itemText).join("\n\n")}\n\n--\n${end.text}\n`,
    html: page(locale, `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p>${described.map((d) => `<div>${itemHtml(d)}</div><hr>`).join("")}${end.html}`),
  };
}
