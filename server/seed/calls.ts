import type { Db } from "../db/client";
import type { CallParticipationRole, Role, Sector } from "../db/generated/enums";

const DAY = 24 * 60 * 60 * 1000;
const SECRETARIAT = "secretaria@cocrea.demo";

interface DemoCriterion {
  name: string;
  description: string;
  weight: number;
  maxScore: number;
}

interface DemoSubmission {
  /** A demo idea's title (published by the time the call opened). */
  idea: string;
  submitter: string;
  /** Days from the seed's run (negative: in the past), after the idea was published. */
  submitted: number;
  answers: string[];
  /** Per juror (demo email), one score per criterion, in the rubric's order. */
  scores?: Record<string, number[]>;
  winner?: string;
}

interface DemoCall {
  slug: string;
  title: string;
  summary: string;
  problem: string;
  objectives: string;
  expectedResults: string;
  sectors: Sector[];
  prizeText: string;
  prizeAmountCop?: bigint;
  eligibleRoles: Role[];
  maxSubmissionsPerParticipant: number;
  /** Days from the seed's run: negative is in the past. */
  timeline: { opens: number; closes: number; evaluationEnds: number; results: number };
  /** Demo email of the proposer, and the organization (slug) it proposed on behalf of. */
  proposer: string;
  proposingOrganization?: string;
  sponsors: string[];
  questions: string[];
  criteria: DemoCriterion[];
  participations: { organization: string; role: CallParticipationRole }[];
  /** Jurors: demo email and, when they judge for an organization of the call's jury, its slug. */
  jurors: { email: string; organization?: string }[];
  submissions: DemoSubmission[];
  resultsPublished: boolean;
}

const RUBRIC: DemoCriterion[] = [
  { name: "Impacto en el Distrito", description: "Cuántas personas de Barrancabermeja se benefician y cuánto cambia su situación.", weight: 40, maxScore: 10 },
  { name: "Viabilidad", description: "Equipo, costos y plan realistas para un piloto en seis meses.", weight: 35, maxScore: 10 },
  { name: "Innovación", description: "Qué tan nueva es la solución para la región y si puede replicarse.", weight: 25, maxScore: 10 },
];

/** One call open now (modelled on the District's water challenge) and one finished, with results. */
export const DEMO_CALLS: DemoCall[] = [
  {
    slug: "reto-cienagas-vivas-2026",
    title: "Reto Ciénagas Vivas: agua, pesca y vida en San Silvestre y Miramar",
    summary:
      "Buscamos soluciones de bajo costo para cuidar el agua de las ciénagas y la vida de quienes pescan en ellas, en Barrancabermeja.",
    problem:
      "Las ciénagas San Silvestre y Miramar reciben vertimientos urbanos e industriales. Las mediciones de calidad del agua son esporádicas, llegan tarde a las comunidades de pescadores y no permiten actuar a tiempo ante un evento de contaminación.",
    objectives:
      "Medir de forma continua parámetros básicos de calidad del agua en al menos cinco puntos.\nPublicar los datos como datos abiertos del Distrito.\nProponer una acción de mejora que las comunidades ribereñas puedan mantener.",
    expectedResults:
      "Un piloto funcionando durante tres meses, un tablero público con alertas y un plan de sostenibilidad con las asociaciones de pescadores.",
    sectors: ["ENVIRONMENT", "ICT"],
    prizeText: "Capital semilla, seis meses de mentoría de la universidad y acceso al laboratorio de análisis de aguas.",
    prizeAmountCop: 40_000_000n,
    eligibleRoles: ["ENTREPRENEUR", "ACADEMIA"],
    maxSubmissionsPerParticipant: 2,
    timeline: { opens: -10, closes: 20, evaluationEnds: 35, results: 40 },
    proposer: "empresa@cocrea.demo",
    proposingOrganization: "refinerias-y-servicios-del-magdalena",
    sponsors: ["refinerias-y-servicios-del-magdalena"],
    questions: ["¿Qué parámetros medirá y con qué equipos?", "¿Qué comunidad acompañará el piloto y cómo lo mantendrá?"],
    criteria: RUBRIC,
    participations: [{ organization: "universidad-industrial-del-magdalena-medio", role: "ALLY" }],
    jurors: [],
    submissions: [
      {
        idea: "Trazabilidad de pescado fresco desde la ciénaga San Silvestre",
        submitter: "emprendedora@cocrea.demo",
        submitted: -3,
        answers: [
          "Registraremos en cada faena la temperatura y el punto de pesca; la universidad medirá oxígeno disuelto y pH en esos puntos cada mes.",
          "Dos asociaciones de pescadores de San Silvestre; sus jóvenes registran las faenas y reciben una parte del precio justo.",
        ],
      },
    ],
    resultsPublished: false,
  },
  {
    slug: "reto-distrito-muy-digital-2026",
    title: "Reto Distrito Muy Digital: tecnología para la economía local",
    summary: "Ideas que usen las zonas wifi, los puntos digitales y los datos del Distrito para crear empleo y oportunidades en Barrancabermeja.",
    problem:
      "La economía barranqueña depende en gran parte del petróleo. Los puntos digitales y las zonas wifi del Distrito llegan a todas las comunas, pero todavía se usan poco para formar, emprender y vender.",
    objectives: "Formar a jóvenes en habilidades digitales.\nAbrir mercados a productos y servicios locales.\nAprovechar los puntos digitales y los datos del Distrito.",
    expectedResults: "Un prototipo probado con usuarios reales y un plan para llevarlo a escala con aliados del sector privado y la academia.",
    sectors: ["ICT", "EDUCATION", "TOURISM"],
    prizeText: "Acompañamiento de la Secretaría para el piloto y espacio en el centro de innovación durante tres meses.",
    eligibleRoles: [],
    maxSubmissionsPerParticipant: 3,
    timeline: { opens: -40, closes: -12, evaluationEnds: -6, results: -3 },
    proposer: SECRETARIAT,
    sponsors: ["camara-de-comercio-de-barrancabermeja"],
    questions: ["¿A quién beneficia primero y cómo lo medirá?"],
    criteria: RUBRIC,
    participations: [
      { organization: "universidad-industrial-del-magdalena-medio", role: "JURY" },
      { organization: "refinerias-y-servicios-del-magdalena", role: "MENTOR" },
    ],
    jurors: [{ email: "academia@cocrea.demo", organization: "universidad-industrial-del-magdalena-medio" }, { email: "mariajose.cardenas@cocrea.demo" }],
    submissions: [
      {
        idea: "Laboratorio abierto de programación para jóvenes en las comunas",
        submitter: "emprendedora@cocrea.demo",
        submitted: -28,
        answers: ["A 120 jóvenes de las comunas 5 y 7; mediremos asistencia, proyectos terminados y quiénes consiguen su primer trabajo TIC."],
        scores: { "academia@cocrea.demo": [9, 8, 8], "mariajose.cardenas@cocrea.demo": [8, 9, 7] },
        winner:
          "Llega a los jóvenes que más lo necesitan, usa los puntos digitales que ya existen y tiene empresas TIC comprometidas como mentoras.",
      },
      {
        idea: "Ruta de aviturismo en las ciénagas del Magdalena Medio",
        submitter: "emprendedora@cocrea.demo",
        submitted: -20,
        answers: ["A las familias ribereñas que se formen como guías; mediremos visitantes e ingresos por temporada."],
        scores: { "academia@cocrea.demo": [7, 7, 8], "mariajose.cardenas@cocrea.demo": [7, 6, 8] },
      },
      {
        idea: "Mantenimiento predictivo para pozos maduros",
        submitter: "emprendedora@cocrea.demo",
        submitted: -13,
        answers: ["A las empresas de servicios petroleros de la ciudad; mediremos paradas evitadas en un campo piloto."],
        scores: { "academia@cocrea.demo": [6, 7, 7], "mariajose.cardenas@cocrea.demo": [5, 6, 6] },
      },
    ],
    resultsPublished: true,
  },
];

/**
 * Idempotent (a call is matched by its slug). Written directly, like the ideas' history, because
 * the dates are in the past; every row is one the platform's procedures would have written.
 */
export async function seedDemoCalls(db: Db, users: ReadonlyMap<string, string>): Promise<void> {
  for (const call of DEMO_CALLS) {
    if (await db.call.findUnique({ where: { slug: call.slug }, select: { id: true } })) continue;
    const at = (days: number) => new Date(Date.now() + days * DAY);
    const organizations = new Map(
      (await db.organization.findMany({ select: { id: true, slug: true } })).map((organization) => [organization.slug, organization.id]),
    );
    const organization = (slug: string) => {
      const id = organizations.get(slug);
      if (!id) throw new Error(`Demo call «${call.title}»: organization ${slug} is not seeded`);
      return id;
    };
    const user = (email: string) => {
      const id = users.get(email);
      if (!id) throw new Error(`Demo call «${call.title}»: account ${email} is not seeded`);
      return id;
    };
    const secretariatId = user(SECRETARIAT);
    const { opens, closes, evaluationEnds, results } = call.timeline;
    await db.$transaction(async (tx) => {
      const created = await tx.call.create({
        data: {
          slug: call.slug,
          title: call.title,
          summary: call.summary,
          problem: call.problem,
          objectives: call.objectives,
          expectedResults: call.expectedResults,
          sectors: call.sectors,
          prizeText: call.prizeText,
          prizeAmountCop: call.prizeAmountCop ?? null,
          eligibleRoles: call.eligibleRoles,
          maxSubmissionsPerParticipant: call.maxSubmissionsPerParticipant,
          opensAt: at(opens),
          closesAt: at(closes),
          evaluationEndsAt: at(evaluationEnds),
          resultsAt: at(results),
          status: call.resultsPublished ? "RESULTS_PUBLISHED" : "APPROVED",
          proposedById: user(call.proposer),
          proposingOrganizationId: call.proposingOrganization ? organization(call.proposingOrganization) : null,
          approvedAt: at(opens - 5),
          resultsPublishedAt: call.resultsPublished ? at(results) : null,
          createdAt: at(opens - 7),
          sponsors: { create: call.sponsors.map((slug) => ({ organizationId: organization(slug) })) },
          questions: { create: call.questions.map((prompt, index) => ({ prompt, position: index + 1 })) },
          criteria: { create: call.criteria.map((criterion, index) => ({ ...criterion, position: index + 1 })) },
          participations: {
            create: call.participations.map(({ organization: slug, role }) => ({
              organizationId: organization(slug),
              role,
              status: "ACCEPTED" as const,
              createdById: secretariatId,
              decidedById: secretariatId,
              decidedAt: at(opens - 3),
              createdAt: at(opens - 4),
            })),
          },
          jurors: {
            create: call.jurors.map((juror) => ({
              userId: user(juror.email),
              organizationId: juror.organization ? organization(juror.organization) : null,
              assignedById: secretariatId,
              createdAt: at(opens - 2),
            })),
          },
        },
        select: { id: true, questions: { select: { id: true, position: true } }, criteria: { select: { id: true, position: true } } },
      });
      await tx.auditEntry.create({
        data: {
          actorId: secretariatId,
          action: call.proposingOrganization ? "call.approve" : "call.create",
          subjectType: "Call",
          subjectId: created.id,
          after: { status: "APPROVED" },
          createdAt: at(opens - 5),
        },
      });
      const questions = [...created.questions].sort((a, b) => a.position - b.position);
      const criteria = [...created.criteria].sort((a, b) => a.position - b.position);
      for (const submission of call.submissions) {
        const idea = await tx.idea.findFirst({ where: { title: submission.idea, status: "PUBLISHED" }, select: { id: true } });
        if (!idea) throw new Error(`Demo call «${call.title}»: idea «${submission.idea}» is not a published demo idea`);
        const submittedAt = at(submission.submitted);
        const row = await tx.callSubmission.create({
          data: {
            callId: created.id,
            ideaId: idea.id,
            submitterId: user(submission.submitter),
            submittedAt,
            createdAt: submittedAt,
            isWinner: Boolean(submission.winner),
            winnerJustification: submission.winner ?? null,
            answers: { create: submission.answers.map((answer, position) => ({ questionId: questions[position]!.id, answer })) },
          },
          select: { id: true },
        });
        for (const [juror, values] of Object.entries(submission.scores ?? {})) {
          await tx.score.createMany({
            data: values.map((value, position) => ({
              submissionId: row.id,
              callId: created.id,
              jurorId: user(juror),
              criterionId: criteria[position]!.id,
              value,
              comment: value >= 8 ? "Sólido en este criterio." : "Puede fortalecerse en el piloto.",
              createdAt: at(closes + 5),
            })),
          });
        }
      }
      if (call.resultsPublished) {
        await tx.auditEntry.create({
          data: { actorId: secretariatId, action: "call.publishResults", subjectType: "Call", subjectId: created.id, after: { status: "RESULTS_PUBLISHED" }, createdAt: at(results) },
        });
      }
    });
  }
}
