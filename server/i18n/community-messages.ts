/** API messages of supports, comments and comment reports (merged in ./messages.ts). */
export const communityMessagesEs = {
  "support.ownIdea": "No puedes apoyar una idea de la que eres autor(a) o coautor(a), ni una a la que te invitaron.",
  "support.secretariat": "La Secretaría no apoya ideas: se mantiene neutral con las ideas que modera.",
  "support.notOpen": "Solo se pueden apoyar ideas publicadas, en desarrollo o incubadas.",
  "comment.notFound": "No encontramos este comentario.",
  "comment.notOpen": "Solo se puede comentar en ideas publicadas, en desarrollo o incubadas.",
  "comment.parentGone": "Ese comentario fue eliminado u ocultado: ya no recibe respuestas.",
  "comment.notAuthor": "Solo quien escribió el comentario puede editarlo.",
  "comment.removeForbidden": "Solo quien escribió el comentario, o la Secretaría, puede eliminarlo.",
  "comment.editWindowClosed": "Los comentarios se pueden editar durante {{minutes}} minutos después de publicarlos. Este ya no.",
  "comment.gone": "Este comentario fue eliminado u ocultado.",
  "comment.reportOwn": "No puedes reportar tu propio comentario.",
  "comment.reportSecretariat": "La Secretaría no reporta comentarios: puede eliminarlos directamente.",
  "comment.alreadyReported": "Ya reportaste este comentario. La Secretaría revisará tu reporte.",
  "comment.noOpenReports": "Este comentario no tiene reportes pendientes.",
} as const;

export const communityMessagesEn: Record<keyof typeof communityMessagesEs, string> = {
  "support.ownIdea": "You cannot support an idea you author or co-author, nor one you were invited to.",
  "support.secretariat": "The Secretariat does not support ideas: it stays neutral about the ideas it moderates.",
  "support.notOpen": "Only published, in-development or incubated ideas can be supported.",
  "comment.notFound": "We could not find this comment.",
  "comment.notOpen": "Comments are only open on published, in-development or incubated ideas.",
  "comment.parentGone": "That comment was removed or hidden: it no longer takes replies.",
  "comment.notAuthor": "Only the person who wrote the comment can edit it.",
  "comment.removeForbidden": "Only the person who wrote the comment, or the Secretariat, can remove it.",
  "comment.editWindowClosed": "Comments can be edited for {{minutes}} minutes after posting. This one no longer can.",
  "comment.gone": "This comment was removed or hidden.",
  "comment.reportOwn": "You cannot report your own comment.",
  "comment.reportSecretariat": "The Secretariat does not report comments: it can remove them directly.",
  "comment.alreadyReported": "You have already reported this comment. The Secretariat will review your report.",
  "comment.noOpenReports": "This comment has no open reports.",
};
