/** API messages about notifications and unsubscribe links (merged in ./messages.ts). Email copy: server/notification/email/messages.ts. */
export const notificationMessagesEs = {
  "notification.notFound": "No encontramos esta notificación.",
  "unsubscribe.invalid": "Este enlace para dejar de recibir correos no es válido. Cambia tus preferencias en tu cuenta.",
} as const;

export const notificationMessagesEn: Record<keyof typeof notificationMessagesEs, string> = {
  "notification.notFound": "We could not find this notification.",
  "unsubscribe.invalid": "This unsubscribe link is not valid. Change your preferences in your account.",
};
