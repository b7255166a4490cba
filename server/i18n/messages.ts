import { callMessagesEn, callMessagesEs } from "./call-messages";
import { allianceMessagesEn, allianceMessagesEs } from "./alliance-messages";
import { bookingMessagesEn, bookingMessagesEs } from "./booking-messages";
import { matchMessagesEn, matchMessagesEs } from "./match-messages";
import { callParticipantsMessagesEn, callParticipantsMessagesEs } from "./call-participants-messages";
import { communityMessagesEn, communityMessagesEs } from "./community-messages";
import { evaluationMessagesEn, evaluationMessagesEs } from "./evaluation-messages";
import { evaluationFormMessagesEn, evaluationFormMessagesEs } from "./evaluation-form-messages";
import { fileCheckMessagesEn, fileCheckMessagesEs } from "./file-check-messages";
import { ideaMessagesEn, ideaMessagesEs } from "./idea-messages";
import { notificationMessagesEn, notificationMessagesEs } from "./notification-messages";
import { organizationMessagesEn, organizationMessagesEs } from "./organization-messages";
import { statsMessagesEn, statsMessagesEs } from "./stats-messages";
import { dataMessagesEn, dataMessagesEs } from "./data-messages";
import { LOCALES, type Locale } from "./locale";
import { createTranslator, type Translator } from "./translate";

/** Messages the API returns to people: errors and field validation, in both languages. */
const es = {
  "validation.required": "Este campo es obligatorio.",
  "validation.invalid": "Este valor no es válido.",
  "validation.tooShort": "Debe tener al menos {{min}} caracteres.",
  "validation.tooLong": "Puede tener como máximo {{max}} caracteres.",
  "validation.tooFew": "Debe incluir al menos {{min}} elementos.",
  "validation.tooMany": "Puede incluir como máximo {{max}} elementos.",
  "validation.email": "Escribe un correo electrónico válido, por ejemplo nombre@dominio.co.",
  "validation.option": "Elige una de las opciones disponibles.",
  "validation.id": "El identificador no es válido.",
  "validation.cursor": "El enlace de la página siguiente no es válido. Vuelve a la primera página.",
  "validation.duplicate": "Ya existe un registro con este valor.",
  "validation.conflict": "Esta operación entra en conflicto con datos existentes. Revisa e inténtalo de nuevo.",
  "validation.controlChars": "No puede contener caracteres de control (como el carácter nulo).",
  "auth.emailTaken": "Ya existe una cuenta con este correo.",
  "auth.invalidCredentials": "El correo o la contraseña no son correctos.",
  "auth.throttled": "Demasiados intentos de ingreso. Espera {{minutes}} minutos e inténtalo de nuevo.",
  "auth.registrationThrottled": "Se han creado demasiadas cuentas desde esta conexión. Espera {{minutes}} minutos e inténtalo de nuevo.",
  "auth.passwordTooShort": "La contraseña debe tener al menos {{min}} caracteres.",
  "auth.passwordTooLong": "La contraseña puede tener como máximo {{max}} caracteres.",
  "auth.passwordCommon": "Esta contraseña es muy común y fácil de adivinar. Elige otra.",
  "auth.passwordContainsEmail": "La contraseña no puede contener tu correo.",
  "auth.roleNotAllowed": "Elige emprendedor, academia o empresa. Las cuentas de la Secretaría las crea un administrador.",
  "auth.required": "Debes ingresar para continuar.",
  "auth.forbidden": "Tu cuenta no tiene permiso para esta acción.",
  "security.crossSite": "Solicitud rechazada: proviene de otro sitio.",
  "idea.notFound": "No encontramos esta idea.",
  "idea.attachmentUnavailable": "Uno de los adjuntos no existe o ya está en uso.",
  "file.notFound": "No encontramos este archivo.",
  "file.storeFailed": "No pudimos guardar el archivo. Inténtalo de nuevo.",
  "file.quotaExceeded": "Con estos archivos superarías tu límite diario de {{quota}}. Hoy puedes subir {{remaining}} más.",
  "request.tooLarge": "La solicitud es demasiado grande.",
  "request.invalid": "La solicitud no es válida.",
  "request.lengthRequired": "La solicitud debe indicar su tamaño (Content-Length).",
  "request.methodNotAllowed": "Esta página no acepta este tipo de solicitud. Usa el formulario de la página.",
  "request.unsupportedType": "El formulario llegó en un formato que no podemos leer. Envíalo desde la página.",
  "server.unavailable": "El servicio no está disponible en este momento. Inténtalo de nuevo en unos segundos.",
  "server.internal": "Ocurrió un error inesperado. Inténtalo de nuevo en unos minutos.",
  "server.notFound": "No encontramos lo que buscas.",
  ...fileCheckMessagesEs,
  ...ideaMessagesEs,
  ...organizationMessagesEs,
  ...communityMessagesEs,
  ...notificationMessagesEs,
  ...evaluationMessagesEs,
  ...evaluationFormMessagesEs,
  ...callMessagesEs,
  ...bookingMessagesEs,
  ...callParticipantsMessagesEs,
  ...allianceMessagesEs,
  ...matchMessagesEs,
  ...statsMessagesEs,
  ...dataMessagesEs,
};

type Catalog = Record<keyof typeof es, string>;

const en: Catalog = {
  "validation.required": "This field is required.",
  "validation.invalid": "This value is not valid.",
  "validation.tooShort": "Must be at least {{min}} characters.",
  "validation.tooLong": "Can be at most {{max}} characters.",
  "validation.tooFew": "Must include at least {{min}} items.",
  "validation.tooMany": "Can include at most {{max}} items.",
  "validation.email": "Enter a valid email address, such as name@domain.co.",
  "validation.option": "Choose one of the available options.",
  "validation.id": "The identifier is not valid.",
  "validation.cursor": "The next-page link is not valid. Go back to the first page.",
  "validation.duplicate": "A record with this value already exists.",
  "validation.conflict": "This operation conflicts with existing data. Check it and try again.",
  "validation.controlChars": "Must not contain control characters (such as the null character).",
  "auth.emailTaken": "An account with this email already exists.",
  "auth.invalidCredentials": "The email or password is incorrect.",
  "auth.throttled": "Too many sign-in attempts. Wait {{minutes}} minutes and try again.",
  "auth.registrationThrottled": "Too many accounts were created from this connection. Wait {{minutes}} minutes and try again.",
  "auth.passwordTooShort": "The password must be at least {{min}} characters.",
  "auth.passwordTooLong": "The password can be at most {{max}} characters.",
  "auth.passwordCommon": "This password is too common and easy to guess. Choose another.",
  "auth.passwordContainsEmail": "The password cannot contain your email.",
  "auth.roleNotAllowed": "Choose entrepreneur, academia or company. Secretariat accounts are created by an administrator.",
  "auth.required": "You need to sign in to continue.",
  "auth.forbidden": "Your account is not allowed to do this.",
  "security.crossSite": "Request rejected: it comes from another site.",
  "idea.notFound": "We could not find this idea.",
  "idea.attachmentUnavailable": "One of the attachments does not exist or is already in use.",
  "file.notFound": "We could not find this file.",
  "file.storeFailed": "We could not store the file. Please try again.",
  "file.quotaExceeded": "These files would exceed your daily upload limit of {{quota}}. You can upload {{remaining}} more today.",
  "request.tooLarge": "The request is too large.",
  "request.invalid": "The request is not valid.",
  "request.lengthRequired": "The request must declare its size (Content-Length).",
  "request.methodNotAllowed": "This page does not accept this kind of request. Use the form on the page.",
  "request.unsupportedType": "The form arrived in a format we cannot read. Send it from the page.",
  "server.unavailable": "The service is unavailable right now. Please try again in a few seconds.",
  "server.internal": "Something unexpected went wrong. Please try again in a few minutes.",
  "server.notFound": "We could not find what you are looking for.",
  ...fileCheckMessagesEn,
  ...ideaMessagesEn,
  ...organizationMessagesEn,
  ...communityMessagesEn,
  ...notificationMessagesEn,
  ...evaluationMessagesEn,
  ...evaluationFormMessagesEn,
  ...callMessagesEn,
  ...bookingMessagesEn,
  ...callParticipantsMessagesEn,
  ...allianceMessagesEn,
  ...matchMessagesEn,
  ...statsMessagesEn,
  ...dataMessagesEn,
};

export type MessageKey = keyof typeof es;
export type MessageParams = Record<string, string | number>;

const translators = new Map<Locale, Translator>(LOCALES.map((l) => [l, createTranslator(l, l === "en" ? en : es)]));

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(es, value);
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translators.get(locale)!.t(key, params);
}
