import type { Db } from "../db/client";

const HOUR = 60 * 60 * 1000;

/** Who supports which published demo idea (by title), and the threads under them. */
const SUPPORTS: { idea: string; by: string[] }[] = [
  {
    idea: "Sensores comunitarios para la calidad del aire en la zona industrial",
    by: ["academia@cocrea.demo", "empresa@cocrea.demo", "andres.rueda@cocrea.demo", "mariajose.cardenas@cocrea.demo", "yesid.quintero@cocrea.demo"],
  },
  { idea: "Trazabilidad de pescado fresco desde la ciénaga San Silvestre", by: ["empresa@cocrea.demo", "andres.rueda@cocrea.demo"] },
  { idea: "Reservas y rastreo de carga en el puerto fluvial", by: ["yesid.quintero@cocrea.demo"] },
];

interface DemoComment {
  by: string;
  hoursAgo: number;
  body: string;
  replies?: { by: string; hoursAgo: number; body: string }[];
}

const THREADS: { idea: string; comments: DemoComment[] }[] = [
  {
    idea: "Sensores comunitarios para la calidad del aire en la zona industrial",
    comments: [
      {
        by: "academia@cocrea.demo",
        hoursAgo: 30,
        body: "En la universidad tenemos un laboratorio que podría calibrar los sensores antes de instalarlos.\nSi les sirve, podemos acompañar el piloto con estudiantes de ingeniería ambiental.",
        replies: [
          { by: "emprendedora@cocrea.demo", hoursAgo: 28, body: "¡Nos sirve muchísimo! La calibración era justo lo que nos preocupaba. Les escribo para coordinar." },
        ],
      },
      {
        by: "secretaria@cocrea.demo",
        hoursAgo: 20,
        body: "La Secretaría puede facilitar la conexión de los sensores a las zonas wifi del Distrito para el piloto. Información de las zonas: https://www.barrancabermeja.gov.co",
      },
      { by: "yesid.quintero@cocrea.demo", hoursAgo: 6, body: "¿Han pensado en publicar los datos en formato abierto? Así otras empresas podríamos cruzarlos con nuestras mediciones." },
    ],
  },
  {
    idea: "Trazabilidad de pescado fresco desde la ciénaga San Silvestre",
    comments: [
      { by: "mariajose.cardenas@cocrea.demo", hoursAgo: 50, body: "Me gusta que empiece con dos asociaciones. ¿Cómo registrarían la faena si no hay señal en la ciénaga?" },
    ],
  },
];

/**
 * Supports and comments on published demo ideas. Idempotent: supports are unique per person and
 * the count is recomputed from the rows; comments are matched by idea, author and text.
 */
export async function seedDemoCommunity(db: Db, users: Map<string, string>): Promise<void> {
  const ideaId = async (title: string) => (await db.idea.findFirst({ where: { title, status: "PUBLISHED" }, select: { id: true } }))?.id;
  for (const { idea, by } of SUPPORTS) {
    const id = await ideaId(idea);
    if (!id) continue;
    await db.ideaSupport.createMany({ data: by.map((email) => ({ ideaId: id, userId: users.get(email)! })), skipDuplicates: true });
    await db.$executeRaw`UPDATE "Idea" SET "supportCount" = (SELECT count(*) FROM "IdeaSupport" s WHERE s."ideaId" = ${id}::uuid) WHERE "id" = ${id}::uuid`;
  }
  const now = Date.now();
  const upsert = async (id: string, comment: { by: string; hoursAgo: number; body: string }, parentId: string | null) => {
    const authorId = users.get(comment.by)!;
    const existing = await db.comment.findFirst({ where: { ideaId: id, authorId, body: comment.body }, select: { id: true } });
    if (existing) return existing.id;
    const created = await db.comment.create({
      data: { ideaId: id, authorId, parentId, body: comment.body, official: comment.by === "secretaria@cocrea.demo", createdAt: new Date(now - comment.hoursAgo * HOUR) },
      select: { id: true },
    });
    return created.id;
  };
  for (const { idea, comments } of THREADS) {
    const id = await ideaId(idea);
    if (!id) continue;
    for (const comment of comments) {
      const parentId = await upsert(id, comment, null);
      for (const reply of comment.replies ?? []) await upsert(id, reply, parentId);
    }
  }
}
