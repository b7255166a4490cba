/** Messages of the Secretariat's participants page of a call (its forms' own checks; merged in ./messages.ts). */
export const callParticipantsMessagesEs = {
  "callParticipants.confirmRequired": "Marca la casilla para confirmar que quieres quitar a esta persona del jurado y borrar sus calificaciones.",
};

export const callParticipantsMessagesEn: Record<keyof typeof callParticipantsMessagesEs, string> = {
  "callParticipants.confirmRequired": "Tick the box to confirm you want to remove this person from the jury and delete their scores.",
};
