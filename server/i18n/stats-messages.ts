/**
 * Public impact indicators: each one's name and written definition (server/stats/indicators.ts reads
 * them as stats.<key>.name and stats.<key>.definition), and the stats API's messages (merged in ./messages.ts).
 */
export const statsMessagesEs = {
  "stats.ideas.posted.name": "Ideas postuladas",
  "stats.ideas.posted.definition": "Ideas enviadas a revisión por primera vez dentro del periodo (creadas y enviadas al menos una vez).",
  "stats.ideas.published.name": "Ideas publicadas",
  "stats.ideas.published.definition": "Ideas publicadas por primera vez dentro del periodo.",
  "stats.ideas.byState.name": "Ideas postuladas por estado",
  "stats.ideas.byState.definition": "Las ideas postuladas en el periodo, según su estado actual.",
  "stats.ideas.bySector.name": "Ideas postuladas por sector",
  "stats.ideas.bySector.definition": "Las ideas postuladas en el periodo, según su sector.",
  "stats.ideas.reachedCallOrAlliance.name": "Ideas publicadas que llegaron a una convocatoria o alianza",
  "stats.ideas.reachedCallOrAlliance.definition":
    "Porcentaje de las ideas publicadas en el periodo que hoy tienen una postulación vigente a una convocatoria o forman parte de una alianza activada.",
  "stats.ideas.daysToDecision.name": "Días hasta la decisión (mediana)",
  "stats.ideas.daysToDecision.definition":
    "Mediana de los días entre el envío a revisión de una idea y su publicación o rechazo, para las decisiones tomadas en el periodo.",
  "stats.calls.open.name": "Convocatorias abiertas",
  "stats.calls.open.definition": "Convocatorias aprobadas que recibieron postulaciones en algún momento del periodo.",
  "stats.calls.closed.name": "Convocatorias cerradas",
  "stats.calls.closed.definition": "Convocatorias aprobadas cuyo plazo de postulación terminó dentro del periodo.",
  "stats.calls.submissions.name": "Postulaciones a convocatorias",
  "stats.calls.submissions.definition": "Postulaciones vigentes (no retiradas) hechas en el periodo, en total y por convocatoria.",
  "stats.calls.organizationsByKind.name": "Organizaciones participantes por tipo",
  "stats.calls.organizationsByKind.definition":
    "Organizaciones aceptadas como aliadas, mentoras o jurado en convocatorias abiertas durante el periodo, contadas una vez, por tipo.",
  "stats.calls.participationsByRole.name": "Participaciones de organizaciones por rol",
  "stats.calls.participationsByRole.definition": "Participaciones aceptadas en convocatorias abiertas durante el periodo, por rol.",
  "stats.alliances.active.name": "Alianzas activas",
  "stats.alliances.active.definition": "Alianzas que estuvieron activas en algún momento del periodo (activadas antes de su fin y no cerradas antes de su inicio).",
  "stats.alliances.tripleHelix.name": "Alianzas de triple hélice",
  "stats.alliances.tripleHelix.definition": "Alianzas activas en el periodo con partes aceptadas del sector público, el privado y la academia.",
  "stats.alliances.mentoringHours.name": "Horas de mentoría comprometidas",
  "stats.alliances.mentoringHours.definition":
    "Horas de mentoría comprometidas en alianzas activas o completadas del periodo, solo donde la parte autorizó publicar la cantidad.",
  "stats.alliances.fundingCop.name": "Recursos comprometidos",
  "stats.alliances.fundingCop.definition":
    "Pesos comprometidos en alianzas activas o completadas del periodo, solo donde la parte autorizó publicar la cantidad.",
  "stats.spaces.bookings.name": "Reservas de espacios",
  "stats.spaces.bookings.definition": "Reservas confirmadas, cumplidas o no asistidas que empiezan en el periodo.",
  "stats.spaces.occupancyBySpace.name": "Ocupación por espacio",
  "stats.spaces.occupancyBySpace.definition":
    "Horas reservadas (confirmadas o cumplidas) sobre horas de apertura del periodo, sin festivos de Colombia ni cierres del centro.",
  "stats.spaces.occupancyByCenter.name": "Ocupación por centro",
  "stats.spaces.occupancyByCenter.definition":
    "Horas reservadas (confirmadas o cumplidas) en los espacios de cada centro sobre sus horas de apertura del periodo, sin festivos ni cierres.",
  "stats.spaces.noShowRate.name": "Inasistencia a reservas",
  "stats.spaces.noShowRate.definition": "Reservas marcadas como no asistidas sobre las cumplidas más las no asistidas, entre las que empiezan en el periodo.",
  "stats.participation.activeEntrepreneurs.name": "Emprendedores activos",
  "stats.participation.activeEntrepreneurs.definition":
    "Cuentas de emprendedor que en el periodo enviaron una idea a revisión, apoyaron una idea, comentaron o reservaron un espacio.",
  "stats.participation.organizationsByKind.name": "Organizaciones registradas por tipo",
  "stats.participation.organizationsByKind.definition": "Organizaciones registradas hasta el fin del periodo, por tipo. Solo conteos.",
  "stats.composition.tripleHelix": "Triple hélice",
  "stats.composition.other": "Otras composiciones",
  "stats.fromRequired": "Indica la fecha de inicio y la de fin del periodo personalizado.",
  "stats.rangeInverted": "La fecha de inicio debe ser igual o anterior a la de fin.",
  "stats.rangeTooLong": "El periodo personalizado puede abarcar como máximo 5 años.",
};

export const statsMessagesEn: Record<keyof typeof statsMessagesEs, string> = {
  "stats.ideas.posted.name": "Ideas posted",
  "stats.ideas.posted.definition": "Ideas sent for review for the first time within the period (created and submitted at least once).",
  "stats.ideas.published.name": "Ideas published",
  "stats.ideas.published.definition": "Ideas published for the first time within the period.",
  "stats.ideas.byState.name": "Ideas posted by state",
  "stats.ideas.byState.definition": "The ideas posted in the period, by their current state.",
  "stats.ideas.bySector.name": "Ideas posted by sector",
  "stats.ideas.bySector.definition": "The ideas posted in the period, by their sector.",
  "stats.ideas.reachedCallOrAlliance.name": "Published ideas that reached a call or an alliance",
  "stats.ideas.reachedCallOrAlliance.definition":
    "Share of the ideas published in the period that now have a standing submission to a call or are part of an activated alliance.",
  "stats.ideas.daysToDecision.name": "Days to decision (median)",
  "stats.ideas.daysToDecision.definition":
    "Median number of days between an idea's submission for review and its publication or rejection, for decisions made in the period.",
  "stats.calls.open.name": "Open calls",
  "stats.calls.open.definition": "Approved calls that accepted submissions at some point in the period.",
  "stats.calls.closed.name": "Closed calls",
  "stats.calls.closed.definition": "Approved calls whose submission deadline passed within the period.",
  "stats.calls.submissions.name": "Call submissions",
  "stats.calls.submissions.definition": "Standing (not withdrawn) submissions made in the period, in total and per call.",
  "stats.calls.organizationsByKind.name": "Participating organizations by kind",
  "stats.calls.organizationsByKind.definition":
    "Organizations accepted as allies, mentors or jury in calls open during the period, each counted once, by kind.",
  "stats.calls.participationsByRole.name": "Organization participations by role",
  "stats.calls.participationsByRole.definition": "Accepted participations in calls open during the period, by role.",
  "stats.alliances.active.name": "Active alliances",
  "stats.alliances.active.definition": "Alliances active at some point in the period (activated before its end and not closed before its start).",
  "stats.alliances.tripleHelix.name": "Triple-helix alliances",
  "stats.alliances.tripleHelix.definition": "Alliances active in the period with accepted parties from the public sector, the private sector and academia.",
  "stats.alliances.mentoringHours.name": "Mentoring hours committed",
  "stats.alliances.mentoringHours.definition":
    "Mentoring hours committed in active or completed alliances of the period, only where the party allowed the amount to be published.",
  "stats.alliances.fundingCop.name": "Resources committed",
  "stats.alliances.fundingCop.definition":
    "Pesos committed in active or completed alliances of the period, only where the party allowed the amount to be published.",
  "stats.spaces.bookings.name": "Space bookings",
  "stats.spaces.bookings.definition": "Confirmed, completed or no-show bookings starting in the period.",
  "stats.spaces.occupancyBySpace.name": "Occupancy by space",
  "stats.spaces.occupancyBySpace.definition":
    "Booked hours (confirmed or completed) over opening hours in the period, excluding Colombian holidays and center closures.",
  "stats.spaces.occupancyByCenter.name": "Occupancy by center",
  "stats.spaces.occupancyByCenter.definition":
    "Booked hours (confirmed or completed) in each center's spaces over their opening hours in the period, excluding holidays and closures.",
  "stats.spaces.noShowRate.name": "Booking no-shows",
  "stats.spaces.noShowRate.definition": "Bookings marked as no-show over completed plus no-show bookings, among those starting in the period.",
  "stats.participation.activeEntrepreneurs.name": "Active entrepreneurs",
  "stats.participation.activeEntrepreneurs.definition":
    "Entrepreneur accounts that in the period submitted an idea for review, supported an idea, commented or booked a space.",
  "stats.participation.organizationsByKind.name": "Registered organizations by kind",
  "stats.participation.organizationsByKind.definition": "Organizations registered up to the end of the period, by kind. Counts only.",
  "stats.composition.tripleHelix": "Triple helix",
  "stats.composition.other": "Other compositions",
  "stats.fromRequired": "Give the start and end dates of the custom period.",
  "stats.rangeInverted": "The start date must be on or before the end date.",
  "stats.rangeTooLong": "The custom period can span at most 5 years.",
};
