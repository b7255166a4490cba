import type { Db } from "../db/client";
import type { OfferKind, OrganizationKind, Sector, VerificationStatus } from "../db/generated/enums";

interface DemoOrganization {
  /** Demo account that owns it. */
  owner: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  /** Valid DIAN check digits (server/organization/nit.ts); fictitious organizations. */
  nit: string;
  sectors: Sector[];
  description: string;
  website?: string;
  contactEmail: string;
  verification: VerificationStatus;
  offers: { kind: OfferKind; title: string; description: string }[];
}

/** Barrancabermeja-like examples: a university, a refinery-sector company, a chamber of commerce, a startup. */
export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    owner: "academia@cocrea.demo",
    slug: "universidad-industrial-del-magdalena-medio",
    name: "Universidad Industrial del Magdalena Medio",
    kind: "UNIVERSITY",
    nit: "890201213-4",
    sectors: ["EDUCATION", "ENERGY_OIL", "ENVIRONMENT"],
    description:
      "Sede regional con grupos de investigación en procesos químicos, calidad del aire y agua, y un semillero de emprendimiento de base tecnológica.",
    website: "https://umm.example.edu.co",
    contactEmail: "innovacion@umm.example.edu.co",
    verification: "VERIFIED",
    offers: [
      { kind: "LAB", title: "Laboratorio de análisis de aguas", description: "Análisis fisicoquímicos de agua de ciénagas y vertimientos, con acompañamiento de docentes." },
      { kind: "MENTORING", title: "Mentoría de grupos de investigación", description: "Horas de mentoría de investigadores para validar prototipos y metodologías." },
    ],
  },
  {
    owner: "empresa@cocrea.demo",
    slug: "refinerias-y-servicios-del-magdalena",
    name: "Refinerías y Servicios del Magdalena S.A.S.",
    kind: "COMPANY",
    nit: "900412377-4",
    sectors: ["ENERGY_OIL", "MANUFACTURING", "RIVER_LOGISTICS"],
    description:
      "Empresa de servicios para el sector de refinación: mantenimiento industrial, logística fluvial de insumos y programas de proveedores locales.",
    contactEmail: "proveedores@rsm.example.co",
    verification: "VERIFIED",
    offers: [
      { kind: "EQUIPMENT", title: "Taller de mantenimiento industrial", description: "Acceso programado a tornos, soldadura y equipos de medición para prototipos." },
      { kind: "FUNDING", title: "Fondo de proveedores locales", description: "Capital semilla para emprendimientos que resuelvan retos de la cadena de refinación." },
    ],
  },
  {
    owner: "empresa@cocrea.demo",
    slug: "camara-de-comercio-de-barrancabermeja",
    name: "Cámara de Comercio de Barrancabermeja",
    kind: "PUBLIC_ENTITY",
    nit: "890270275-5",
    sectors: ["CREATIVE_ECONOMY", "TOURISM", "AGROINDUSTRY"],
    description: "Registro mercantil, formación empresarial y ruedas de negocio para las empresas del Magdalena Medio.",
    contactEmail: "emprendimiento@ccb.example.org.co",
    verification: "PENDING",
    offers: [{ kind: "TRAINING", title: "Escuela de emprendedores", description: "Talleres de formalización, finanzas y ventas para emprendimientos en etapa temprana." }],
  },
  {
    owner: "emprendedora@cocrea.demo",
    slug: "pesca-viva-tech",
    name: "Pesca Viva Tech",
    kind: "STARTUP",
    nit: "901245781-4",
    sectors: ["AGROINDUSTRY", "ICT"],
    description: "Startup que conecta a las asociaciones de pescadores de las ciénagas con compradores, con trazabilidad del producto.",
    contactEmail: "hola@pescaviva.example.co",
    verification: "UNVERIFIED",
    offers: [{ kind: "DATA", title: "Datos de capturas y precios", description: "Series anonimizadas de capturas y precios de referencia en los puertos de la ciénaga." }],
  },
];

/** Idempotent: matched by slug; owners are the demo accounts. */
export async function seedDemoOrganizations(db: Db, users: ReadonlyMap<string, string>): Promise<void> {
  for (const org of DEMO_ORGANIZATIONS) {
    const existing = await db.organization.findUnique({ where: { slug: org.slug }, select: { id: true } });
    if (existing) continue;
    const { owner, offers, ...profile } = org;
    const now = new Date();
    const organization = await db.organization.create({
      data: {
        ...profile,
        verifiedAt: org.verification === "VERIFIED" ? now : null,
        verificationRequestedAt: org.verification === "UNVERIFIED" ? null : now,
        offers: { create: offers },
      },
      select: { id: true },
    });
    await db.membership.create({ data: { organizationId: organization.id, userId: users.get(owner)!, role: "OWNER" } });
  }
}
