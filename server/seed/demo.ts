import type { Db } from "../db/client";
import { seedDemoOrganizations } from "./organizations";
import { seedDemoCalls } from "./calls";
import { seedDemoSpaces } from "./spaces";
import { seedDemoCommunity } from "./community";
import { hashPassword } from "../auth/password";
import type { Sector } from "../db/generated/enums";
import { DEMO_NEIGHBOURS, seedLifecycleIdea } from "./lifecycle";
import { LIFECYCLE_IDEAS } from "./lifecycle-ideas";
import { seedDemoNotifications } from "./notifications";
import { seedDemoAlliances } from "./alliances";

/** Shown by `npm start` in development; never used when NODE_ENV=production unless SEED_DEMO is set. */
export const DEMO_ACCOUNTS = [
  { email: "secretaria@cocrea.demo", name: "Secretaría TIC, Ciencia e Innovación", role: "SECRETARIAT", password: "Secretaria-Demo-2026" },
  { email: "emprendedora@cocrea.demo", name: "Luisa Fernanda Ortiz", role: "ENTREPRENEUR", password: "Emprende-Demo-2026" },
  { email: "academia@cocrea.demo", name: "Jorge Enrique Pabón", role: "ACADEMIA", password: "Academia-Demo-2026" },
  { email: "empresa@cocrea.demo", name: "Camila Restrepo", role: "COMPANY", password: "Empresa-Demo-2026" },
] as const;


const IDEAS: { title: string; summary: string; problem: string; solution: string; sector: Sector; daysAgo: number }[] = [
  {
    title: "Sensores comunitarios para la calidad del aire en la zona industrial",
    summary: "Una red de sensores de bajo costo, instalados por colegios del nororiente, que publica en tiempo real la calidad del aire cerca de la refinería.",
    problem: "Los barrios vecinos a la zona industrial no tienen datos abiertos y cercanos sobre material particulado; las mediciones oficiales llegan tarde y en pocos puntos.",
    solution: "Kits de sensores PM2.5 ensamblados con estudiantes, conectados a las zonas wifi del Distrito, con un tablero público y alertas por barrio.",
    sector: "ENVIRONMENT",
    daysAgo: 2,
  },
  {
    title: "Trazabilidad de pescado fresco desde la ciénaga San Silvestre",
    summary: "Códigos QR para que compradores y restaurantes sepan de qué faena viene el pescado, con precio justo para las asociaciones de pescadores.",
    problem: "Los pescadores artesanales venden a intermediarios sin información de origen ni precio de referencia, y el consumidor no distingue producto local.",
    solution: "Una app sencilla que registra la faena, genera etiquetas QR y conecta con compradores de la ciudad; piloto con dos asociaciones.",
    sector: "AGROINDUSTRY",
    daysAgo: 5,
  },
  {
    title: "Reservas y rastreo de carga en el puerto fluvial",
    summary: "Plataforma para programar turnos de cargue y descargue en el muelle y seguir la carga por el río Magdalena.",
    problem: "Las filas de camiones y las esperas en el muelle encarecen la logística fluvial y congestionan el centro.",
    solution: "Turnos en línea con ventanas de tiempo, avisos por SMS y un tablero compartido entre transportadores y operadores portuarios.",
    sector: "RIVER_LOGISTICS",
    daysAgo: 9,
  },
  {
    title: "Mantenimiento predictivo para pozos maduros",
    summary: "Modelos de aprendizaje automático sobre datos de vibración para anticipar fallas de bombas en pozos de petróleo maduros.",
    problem: "Las paradas no programadas en pozos maduros generan pérdidas y riesgos ambientales; el mantenimiento hoy es reactivo.",
    solution: "Sensores de vibración y un modelo entrenado con la universidad, validado en campo con una empresa de servicios petroleros.",
    sector: "ENERGY_OIL",
    daysAgo: 14,
  },
  {
    title: "Ruta de aviturismo en las ciénagas del Magdalena Medio",
    summary: "Guías locales certificados y una ruta digital de avistamiento de aves que lleve turistas a las ciénagas y al río.",
    problem: "La riqueza de aves de la región es poco conocida y las comunidades ribereñas no reciben ingresos del turismo.",
    solution: "Formación de guías, mapa digital con especies y puntos de observación, y reservas en línea con operadores locales.",
    sector: "TOURISM",
    daysAgo: 21,
  },
  {
    title: "Laboratorio abierto de programación para jóvenes en las comunas",
    summary: "Clubes de programación y robótica en los puntos digitales de las comunas, con mentores de empresas TIC locales.",
    problem: "Muchos jóvenes no tienen acceso a formación en tecnología ni a referentes del sector TIC en su barrio.",
    solution: "Sesiones semanales en los espacios digitales del Distrito, retos con empresas aliadas y una muestra anual de proyectos.",
    sector: "ICT",
    daysAgo: 30,
  },
];

/**
 * Idempotent: running it again changes nothing (users, organizations and ideas are matched by
 * natural keys). `reportHideThreshold`: the server's REPORT_HIDE_THRESHOLD, so the demo hides an
 * idea exactly as the platform would.
 */
export async function seedDemoData(db: Db, options: { reportHideThreshold?: number } = {}): Promise<void> {
  const users = new Map<string, string>();
  // The community's accounts sign in with a password nobody knows: they are there to post and report.
  const neighbours = DEMO_NEIGHBOURS.map((n) => ({ ...n, password: `${crypto.randomUUID()}-demo` }));
  for (const account of [...DEMO_ACCOUNTS, ...neighbours]) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    const user =
      existing ??
      (await db.user.create({
        data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) },
        select: { id: true },
      }));
    users.set(account.email, user.id);
  }
  await seedDemoOrganizations(db, users);
  // Published ideas: sent to review the day before the Secretariat published them.
  const published = IDEAS.map(({ daysAgo, ...idea }) => ({
    ...idea,
    author: "emprendedora@cocrea.demo",
    createdDaysAgo: daysAgo + 1,
    steps: [
      { daysAgo: daysAgo + 1, to: "SUBMITTED" as const, by: "emprendedora@cocrea.demo" },
      { daysAgo, to: "PUBLISHED" as const, by: "secretaria@cocrea.demo" },
    ],
  }));
  for (const idea of [...published, ...LIFECYCLE_IDEAS]) await seedLifecycleIdea(db, users, idea, options.reportHideThreshold ?? 3);
  await seedDemoCommunity(db, users);
  await seedDemoCalls(db, users);
  await seedDemoSpaces(db, users);
  await seedDemoNotifications(db, users);
  // After the hand-written notifications, which are seeded only while the demo logins have none.
  await seedDemoAlliances(db, users);
}
