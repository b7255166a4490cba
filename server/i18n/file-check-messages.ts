/**
 * What the attachment rules say about a file, defined once: the server answers with these, and the
 * idea form says the same before sending (app/lib/attachment-check.ts), from the page's UI copy,
 * where they are spread (app/i18n/<language>/ideas.ts): the browser gets no server catalogue.
 */
export const fileCheckMessagesEs = {
  "file.tooLarge": "El archivo «{{name}}» supera el máximo de {{max}}.",
  "file.tooMany": "Puedes adjuntar como máximo {{max}} archivos.",
  "file.typeNotAllowed": "El archivo «{{name}}» no es un PDF, PNG ni JPEG válido.",
  "file.empty": "El archivo «{{name}}» está vacío.",
};

export const fileCheckMessagesEn: Record<keyof typeof fileCheckMessagesEs, string> = {
  "file.tooLarge": "The file “{{name}}” is larger than the {{max}} limit.",
  "file.tooMany": "You can attach at most {{max}} files.",
  "file.typeNotAllowed": "The file “{{name}}” is not a valid PDF, PNG or JPEG.",
  "file.empty": "The file “{{name}}” is empty.",
};
