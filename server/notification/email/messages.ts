/**
 * The words of notification emails, in both languages. Kept apart from the API's messages
 * (server/i18n/messages.ts), which a page's browser bundle carries: emails are written only here,
 * on the server.
 */
import { callRoleNamesEn, callRoleNamesEs } from "../../i18n/call-messages";
import { ideaStatusNamesEn, ideaStatusNamesEs } from "../../i18n/idea-messages";
import type { Locale } from "../../i18n/locale";
import { createTranslator, type Translator } from "../../i18n/translate";

const es = {
  ...ideaStatusNamesEs,
  "email.subject.IDEA_STATUS_CHANGED": "«{{title}}» ahora está: $t(ideaStatus.{{to}})",
  "email.subject.IDEA_COMMENT": "Nuevo comentario en «{{title}}»",
  "email.subject.OFFICIAL_REPLY": "Respuesta oficial en «{{title}}»",
  "email.subject.COAUTHOR_INVITATION": "{{actor}} te invita a ser coautor de «{{title}}»",
  "email.subject.MODERATION_DECISION": "Decisión sobre tu idea «{{title}}»: $t(ideaStatus.{{to}})",
  "email.subject.REPORT_OUTCOME": "Resultado de los reportes sobre «{{title}}»",
  "email.body.IDEA_STATUS_CHANGED": "La idea «{{title}}», que sigues, pasó de «$t(ideaStatus.{{from}})» a «$t(ideaStatus.{{to}})».",
  "email.body.IDEA_COMMENT": "{{actor}} comentó la idea «{{title}}», que sigues.",
  "email.body.OFFICIAL_REPLY": "La Secretaría respondió oficialmente en la idea «{{title}}», que sigues.",
  "email.body.COAUTHOR_INVITATION": "{{actor}} te invitó a ser coautor de la idea «{{title}}». Acepta o rechaza la invitación en «Mis ideas».",
  "email.body.MODERATION_DECISION": "Tu idea «{{title}}» pasó de «$t(ideaStatus.{{from}})» a «$t(ideaStatus.{{to}})».",
  "email.body.REPORT_OUTCOME.dismiss": "La Secretaría revisó los reportes sobre tu idea «{{title}}» y los descartó. Estado actual: «$t(ideaStatus.{{status}})».",
  "email.body.REPORT_OUTCOME.uphold": "La Secretaría revisó los reportes sobre tu idea «{{title}}» y les dio la razón. Estado actual: «$t(ideaStatus.{{status}})».",
  ...callRoleNamesEs,
  "email.subject.CALL_PROPOSAL_DECISION": "Decisión sobre la convocatoria que propusiste: «{{title}}»",
  "email.body.CALL_PROPOSAL_DECISION.approve": "La Secretaría aprobó la convocatoria «{{title}}». Se abrirá en la fecha prevista.",
  "email.body.CALL_PROPOSAL_DECISION.requestChanges": "La Secretaría pidió cambios a la convocatoria «{{title}}». Edítala y vuelve a enviarla.",
  "email.body.CALL_PROPOSAL_DECISION.reject": "La Secretaría rechazó la convocatoria «{{title}}».",
  "email.subject.CALL_PARTICIPATION_DECISION": "Participación de {{organization}} en «{{title}}»",
  "email.body.CALL_PARTICIPATION_DECISION.INVITED": "La Secretaría invita a {{organization}} a participar como $t(callRole.{{role}}) en la convocatoria «{{title}}». Acepta o rechaza la invitación en la página de la convocatoria.",
  "email.body.CALL_PARTICIPATION_DECISION.ACCEPTED": "Se aceptó la participación de {{organization}} como $t(callRole.{{role}}) en la convocatoria «{{title}}».",
  "email.body.CALL_PARTICIPATION_DECISION.DECLINED": "Se declinó la participación de {{organization}} como $t(callRole.{{role}}) en la convocatoria «{{title}}».",
  "email.subject.CALL_DEADLINE_EXTENDED": "Cambio en la convocatoria «{{title}}»",
  "email.body.CALL_DEADLINE_EXTENDED.extended": "Se amplió el plazo de la convocatoria «{{title}}», a la que te postulaste: ahora cierra el {{closesAt}} (hora de Colombia).",
  "email.body.CALL_DEADLINE_EXTENDED.cancelled": "La Secretaría canceló la convocatoria «{{title}}», en la que participas.",
  "email.subject.CALL_RESULTS_PUBLISHED": "Resultados de la convocatoria «{{title}}»",
  "email.body.CALL_RESULTS_PUBLISHED": "Se publicaron los resultados de la convocatoria «{{title}}».",
  "email.subject.CALL_JUROR_ASSIGNED": "Eres jurado de la convocatoria «{{title}}»",
  "email.body.CALL_JUROR_ASSIGNED": "La Secretaría te asignó como jurado de la convocatoria «{{title}}».",
  "email.openCall": "Ver la convocatoria",
  "email.reason": "Motivo: {{reason}}",
  "email.excerpt": "«{{excerpt}}»",
  "email.platform": "La plataforma",
  "email.someone": "Alguien",
  "email.open": "Ver la idea",
  "email.openInvitations": "Ver mis invitaciones",
  "email.greeting": "Hola, {{name}}:",
  "email.why": "Recibes este correo por tu cuenta en Cocrea. Elige qué correos recibir en {{url}}",
  "email.unsubscribe": "Dejar de recibir estos correos: {{url}}",
  "email.unsubscribeLink": "Dejar de recibir estos correos",
  "email.preferencesLink": "Preferencias de notificación",
  "email.digest.subject_one": "Tu resumen diario de Cocrea: {{count}} novedad",
  "email.digest.subject_other": "Tu resumen diario de Cocrea: {{count}} novedades",
  "email.digest.intro": "Esto pasó desde tu último resumen:",
} as const;

const en: Record<keyof typeof es, string> = {
  ...ideaStatusNamesEn,
  "email.subject.IDEA_STATUS_CHANGED": "“{{title}}” is now: $t(ideaStatus.{{to}})",
  "email.subject.IDEA_COMMENT": "New comment on “{{title}}”",
  "email.subject.OFFICIAL_REPLY": "Official reply on “{{title}}”",
  "email.subject.COAUTHOR_INVITATION": "{{actor}} invites you to co-author “{{title}}”",
  "email.subject.MODERATION_DECISION": "Decision on your idea “{{title}}”: $t(ideaStatus.{{to}})",
  "email.subject.REPORT_OUTCOME": "Outcome of the reports about “{{title}}”",
  "email.body.IDEA_STATUS_CHANGED": "The idea “{{title}}”, which you follow, went from “$t(ideaStatus.{{from}})” to “$t(ideaStatus.{{to}})”.",
  "email.body.IDEA_COMMENT": "{{actor}} commented on the idea “{{title}}”, which you follow.",
  "email.body.OFFICIAL_REPLY": "The Secretariat replied officially on the idea “{{title}}”, which you follow.",
  "email.body.COAUTHOR_INVITATION": "{{actor}} invited you to co-author the idea “{{title}}”. Accept or decline in “My ideas”.",
  "email.body.MODERATION_DECISION": "Your idea “{{title}}” went from “$t(ideaStatus.{{from}})” to “$t(ideaStatus.{{to}})”.",
  "email.body.REPORT_OUTCOME.dismiss": "The Secretariat reviewed the reports about your idea “{{title}}” and dismissed them. Current state: “$t(ideaStatus.{{status}})”.",
  "email.body.REPORT_OUTCOME.uphold": "The Secretariat reviewed the reports about your idea “{{title}}” and upheld them. Current state: “$t(ideaStatus.{{status}})”.",
  ...callRoleNamesEn,
  "email.subject.CALL_PROPOSAL_DECISION": "Decision on the call you proposed: “{{title}}”",
  "email.body.CALL_PROPOSAL_DECISION.approve": "The Secretariat approved the call “{{title}}”. It will open on the planned date.",
  "email.body.CALL_PROPOSAL_DECISION.requestChanges": "The Secretariat asked for changes to the call “{{title}}”. Edit it and send it again.",
  "email.body.CALL_PROPOSAL_DECISION.reject": "The Secretariat rejected the call “{{title}}”.",
  "email.subject.CALL_PARTICIPATION_DECISION": "{{organization}} in “{{title}}”",
  "email.body.CALL_PARTICIPATION_DECISION.INVITED": "The Secretariat invites {{organization}} to take part as $t(callRole.{{role}}) in the call “{{title}}”. Accept or decline on the call's page.",
  "email.body.CALL_PARTICIPATION_DECISION.ACCEPTED": "The participation of {{organization}} as $t(callRole.{{role}}) in the call “{{title}}” was accepted.",
  "email.body.CALL_PARTICIPATION_DECISION.DECLINED": "The participation of {{organization}} as $t(callRole.{{role}}) in the call “{{title}}” was declined.",
  "email.subject.CALL_DEADLINE_EXTENDED": "Change in the call “{{title}}”",
  "email.body.CALL_DEADLINE_EXTENDED.extended": "The deadline of the call “{{title}}”, which you submitted to, was extended: it now closes on {{closesAt}} (Colombia time).",
  "email.body.CALL_DEADLINE_EXTENDED.cancelled": "The Secretariat cancelled the call “{{title}}”, which you take part in.",
  "email.subject.CALL_RESULTS_PUBLISHED": "Results of the call “{{title}}”",
  "email.body.CALL_RESULTS_PUBLISHED": "The results of the call “{{title}}” were published.",
  "email.subject.CALL_JUROR_ASSIGNED": "You are a juror of the call “{{title}}”",
  "email.body.CALL_JUROR_ASSIGNED": "The Secretariat assigned you as a juror of the call “{{title}}”.",
  "email.openCall": "Open the call",
  "email.reason": "Reason: {{reason}}",
  "email.excerpt": "“{{excerpt}}”",
  "email.platform": "The platform",
  "email.someone": "Someone",
  "email.open": "Open the idea",
  "email.openInvitations": "See my invitations",
  "email.greeting": "Hello {{name}},",
  "email.why": "You receive this email because of your Cocrea account. Choose which emails you get at {{url}}",
  "email.unsubscribe": "Stop receiving these emails: {{url}}",
  "email.unsubscribeLink": "Stop receiving these emails",
  "email.preferencesLink": "Notification preferences",
  "email.digest.subject_one": "Your Cocrea daily digest: {{count}} update",
  "email.digest.subject_other": "Your Cocrea daily digest: {{count}} updates",
  "email.digest.intro": "This happened since your last digest:",
};

export type EmailKey = keyof typeof es | "email.digest.subject";

const translators: Record<Locale, Translator> = { es: createTranslator("es", es), en: createTranslator("en", en) };

export function emailText(locale: Locale, key: EmailKey | `email.${string}`, params?: Record<string, string | number>): string {
  return translators[locale].t(key, params);
}
