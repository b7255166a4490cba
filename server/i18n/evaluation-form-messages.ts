/** Messages of the evaluation pages' forms (app/lib/evaluation.server.ts), merged in ./messages.ts. */
export const evaluationFormMessagesEs = {
  "evaluationForm.criterionIncomplete": "Completa este dato del criterio o deja toda la fila vacía.",
  "evaluationForm.justificationRequired": "Escribe por qué esta postulación gana.",
  "evaluationForm.confirmPublish": "Marca la casilla para confirmar que quieres publicar los resultados.",
};

export const evaluationFormMessagesEn: Record<keyof typeof evaluationFormMessagesEs, string> = {
  "evaluationForm.criterionIncomplete": "Fill in this part of the criterion or leave the whole row empty.",
  "evaluationForm.justificationRequired": "Write why this submission wins.",
  "evaluationForm.confirmPublish": "Tick the box to confirm that you want to publish the results.",
};
