/**
 * A hand-written slice of Barrancabermeja for the matchmaking tests: 30 organizations (each
 * sector shared by several, so text has to make the difference) and 10 ideas, each with the
 * organization a person who knows the city would call first.
 */
import type { Db } from "../../server/db/client";
import type { OfferKind, OrganizationKind, Sector, VerificationStatus } from "../../server/db/generated/enums";

export interface OrganizationFixture {
  slug: string;
  name: string;
  kind: OrganizationKind;
  sectors: Sector[];
  description: string;
  offers: [OfferKind, string, string][];
  verification?: VerificationStatus;
}

export const ORGANIZATIONS: OrganizationFixture[] = [
  { slug: "uis-barranca", name: "Universidad Industrial de Santander, sede Barrancabermeja", kind: "UNIVERSITY", sectors: ["ENERGY_OIL", "EDUCATION", "ENVIRONMENT"], verification: "VERIFIED",
    description: "Sede regional con programas de ingeniería de petróleos, química y ambiental. Su grupo de investigación estudia la corrosión y los materiales de la industria petrolera.",
    offers: [["LAB", "Laboratorio de análisis de aguas y suelos", "Caracterización fisicoquímica de muestras para proyectos de estudiantes y empresas."], ["EQUIPMENT", "Microscopio electrónico de barrido", "Observación de superficies y fallas de materiales."]] },
  { slug: "unipaz", name: "Unipaz, Instituto Universitario de la Paz", kind: "UNIVERSITY", sectors: ["AGROINDUSTRY", "ENVIRONMENT", "EDUCATION"], verification: "VERIFIED",
    description: "Forma ingenieros agroindustriales, agrónomos y ambientales en el Magdalena Medio; investiga cultivos de palma, cacao y la piscicultura de la región.",
    offers: [["LAB", "Planta piloto de procesamiento de alimentos", "Despulpado, secado y empaque a escala piloto."], ["MENTORING", "Asesoría en sanidad vegetal", "Diagnóstico de plagas y enfermedades en cultivos."]] },
  { slug: "sena-barranca", name: "SENA, Centro Industrial y de Desarrollo Tecnológico", kind: "PUBLIC_ENTITY", sectors: ["MANUFACTURING", "EDUCATION", "ICT"], verification: "VERIFIED",
    description: "Formación técnica y tecnológica gratuita. Su Tecnoparque acompaña a emprendedores a convertir ideas en productos con fabricación digital.",
    offers: [["LAB", "Laboratorio de prototipado rápido", "Impresoras 3D de filamento y resina, corte láser y escáner tridimensional."], ["TRAINING", "Cursos cortos de soldadura y mecatrónica", "Formación certificada para operarios."]] },
  { slug: "refineria", name: "Refinería de Barrancabermeja", kind: "COMPANY", sectors: ["ENERGY_OIL", "MANUFACTURING"], verification: "VERIFIED",
    description: "La principal refinería del país. Impulsa la transición energética con hidrógeno verde, eficiencia de procesos y desarrollo de proveedores locales.",
    offers: [["FUNDING", "Fondo de innovación abierta para proveedores", "Cofinanciación de soluciones para la operación de la refinería."], ["DATA", "Datos de consumo energético de procesos", "Series anonimizadas para estudios de eficiencia."]] },
  { slug: "palmas-mm", name: "Palmas del Magdalena Medio S.A.S.", kind: "COMPANY", sectors: ["AGROINDUSTRY", "ENERGY_OIL"],
    description: "Extractora de aceite de palma con planta propia de biocombustibles; busca aprovechar la biomasa, los efluentes y los aceites residuales como materia prima.",
    offers: [["EQUIPMENT", "Reactor piloto de transesterificación", "Producción de biodiésel por lotes para ensayos con distintas materias primas."], ["DATA", "Registros de producción de fruta fresca", "Cosecha y rendimiento por lote desde 2015."]] },
  { slug: "camara-comercio", name: "Cámara de Comercio de Barrancabermeja", kind: "PUBLIC_ENTITY", sectors: ["OTHER", "TOURISM", "CREATIVE_ECONOMY"], verification: "VERIFIED",
    description: "Registro mercantil, fortalecimiento empresarial y ruta de emprendimiento para formalizar negocios del puerto.",
    offers: [["MENTORING", "Mentoría para formalizar tu empresa", "Trámites, impuestos y contratos para pequeños negocios."], ["TRAINING", "Taller de modelo de negocio", "Cuatro sesiones para validar clientes y precios."]] },
  { slug: "secretaria-ambiente", name: "Secretaría de Medio Ambiente de Barrancabermeja", kind: "PUBLIC_ENTITY", sectors: ["ENVIRONMENT"], verification: "VERIFIED",
    description: "Autoridad ambiental municipal: gestión de residuos sólidos, arbolado urbano y protección de las ciénagas San Silvestre y Miramar.",
    offers: [["DATA", "Inventario de puntos críticos de residuos", "Ubicación de botaderos a cielo abierto reportados por la comunidad."], ["FUNDING", "Convocatoria de negocios verdes", "Apoyo económico a iniciativas de economía circular."]] },
  { slug: "cienaga-viva", name: "Corporación Ciénaga Viva", kind: "NGO", sectors: ["ENVIRONMENT", "TOURISM"],
    description: "Conserva los humedales y al manatí antillano junto con familias de pescadores; lleva años registrando la calidad del agua de la ciénaga con voluntarios.",
    offers: [["TRAINING", "Formación de monitores comunitarios", "Toma de muestras y lectura de sondas en campo."], ["DATA", "Series de oxígeno disuelto de la ciénaga San Silvestre", "Mediciones semanales desde 2019."]] },
  { slug: "tejido-social", name: "Fundación Tejido Social del Magdalena Medio", kind: "NGO", sectors: ["EDUCATION", "CREATIVE_ECONOMY"],
    description: "Acompaña a jóvenes y mujeres víctimas del conflicto con arte, lectura y emprendimientos culturales en los barrios nororientales.",
    offers: [["MENTORING", "Acompañamiento psicosocial", "Escucha y orientación para participantes de proyectos."], ["OTHER", "Red de bibliotecas comunitarias", "Espacios para talleres en cinco comunas."]] },
  { slug: "transfluvial", name: "Transportes Fluviales del Magdalena S.A.", kind: "COMPANY", sectors: ["RIVER_LOGISTICS"], verification: "VERIFIED",
    description: "Opera convoyes de barcazas y remolcadores entre Barrancabermeja y Cartagena con hidrocarburos y carga a granel.",
    offers: [["DATA", "Tiempos de tránsito de convoyes", "Registros de viajes, esperas y varadas desde 2018."], ["EQUIPMENT", "Muelle de carga para pruebas", "Espacio en muelle para ensayar equipos de cargue."]] },
  { slug: "puerto-impala", name: "Puerto Impala Barrancabermeja", kind: "COMPANY", sectors: ["RIVER_LOGISTICS", "MANUFACTURING"],
    description: "Terminal multimodal que conecta el río con el tren y la carretera; mueve contenedores, carga general y vehículos.",
    offers: [["EQUIPMENT", "Patio de contenedores", "Área para pilotos de trazabilidad de carga."], ["DATA", "Estadísticas de movimiento de contenedores", "Entradas y salidas mensuales por tipo de carga."]] },
  { slug: "cormagdalena", name: "Cormagdalena, Corporación Autónoma Regional del Río Grande de la Magdalena", kind: "PUBLIC_ENTITY", sectors: ["RIVER_LOGISTICS", "ENVIRONMENT"], verification: "VERIFIED",
    description: "Responsable de la navegabilidad del río: dragado de mantenimiento, señalización del canal navegable y levantamientos batimétricos de los sectores críticos.",
    offers: [["DATA", "Batimetrías y niveles del río", "Levantamientos del lecho y lecturas de las estaciones limnimétricas."], ["OTHER", "Mesa técnica de navegabilidad", "Reunión mensual con navieras y autoridades."]] },
  { slug: "navegapp", name: "NavegApp S.A.S.", kind: "STARTUP", sectors: ["RIVER_LOGISTICS", "ICT"],
    description: "Aplicación para comprar tiquetes de chalupas y lanchas de pasajeros entre los municipios ribereños.",
    offers: [["MENTORING", "Mentoría en desarrollo de aplicaciones móviles", "Diseño, publicación y pagos en línea."]] },
  { slug: "clinica-magdalena", name: "Clínica Magdalena", kind: "COMPANY", sectors: ["HEALTH"], verification: "VERIFIED",
    description: "Clínica de mediana y alta complejidad con urgencias, maternidad y unidad de cuidados intensivos.",
    offers: [["DATA", "Indicadores anonimizados de urgencias", "Motivos de consulta y tiempos de espera."], ["MENTORING", "Asesoría clínica para dispositivos médicos", "Validación con especialistas."]] },
  { slug: "hospital-regional", name: "ESE Hospital Regional del Magdalena Medio", kind: "PUBLIC_ENTITY", sectors: ["HEALTH"],
    description: "Hospital público de la región; su programa de salud rural lleva brigadas a los corregimientos y atiende consultas a distancia con especialistas.",
    offers: [["OTHER", "Brigadas de salud rural", "Jornadas mensuales en El Centro, La Fortuna y Meseta de San Rafael."], ["DATA", "Registros de vacunación por vereda", "Coberturas por vereda y por año."]] },
  { slug: "saludconecta", name: "SaludConecta", kind: "STARTUP", sectors: ["HEALTH", "ICT"],
    description: "Plataforma de agendamiento de citas médicas y recordatorios por mensajería para EPS y clínicas.",
    offers: [["MENTORING", "Integración con mensajería instantánea", "Conexión de sistemas de citas con canales de chat."]] },
  { slug: "ucc-barranca", name: "Universidad Cooperativa de Colombia, sede Barrancabermeja", kind: "UNIVERSITY", sectors: ["HEALTH", "EDUCATION", "ICT"],
    description: "Programas de enfermería, odontología, ingeniería de sistemas y derecho, con consultorio jurídico gratuito.",
    offers: [["LAB", "Laboratorio de simulación clínica", "Maniquíes de alta fidelidad para entrenar procedimientos."], ["TRAINING", "Diplomado en analítica de datos", "Cien horas con proyectos reales."]] },
  { slug: "aprende-mas", name: "Corporación Educativa Aprende Más", kind: "NGO", sectors: ["EDUCATION", "ICT"],
    description: "Refuerzo escolar en matemáticas y lectura para colegios públicos y formación de docentes en pensamiento computacional.",
    offers: [["TRAINING", "Clubes de robótica educativa", "Kits y guías para clubes escolares."]] },
  { slug: "codeland", name: "Codeland Barranca", kind: "STARTUP", sectors: ["ICT"], verification: "VERIFIED",
    description: "Fábrica de software: aplicaciones web, inteligencia artificial y visión por computador para la industria y el comercio.",
    offers: [["MENTORING", "Mentoría en aprendizaje automático", "Entrenamiento y despliegue de modelos."], ["EQUIPMENT", "Servidores con GPU", "Horas de cómputo para entrenar redes neuronales."]] },
  { slug: "conecta-telecom", name: "Conecta Magdalena Telecomunicaciones", kind: "COMPANY", sectors: ["ICT"],
    description: "Proveedor de internet por fibra óptica y radioenlaces para veredas y zonas rurales del Magdalena Medio.",
    offers: [["EQUIPMENT", "Torres y radioenlaces", "Infraestructura para llevar señal a zonas apartadas."], ["OTHER", "Conectividad para pilotos rurales", "Seis meses de internet sin costo para proyectos."]] },
  { slug: "metalmecanica-puerto", name: "Metalmecánica del Puerto S.A.S.", kind: "COMPANY", sectors: ["MANUFACTURING", "ENERGY_OIL"],
    description: "Taller de mecanizado, soldadura y fabricación de piezas, válvulas y estructuras para la refinería y sus contratistas.",
    offers: [["EQUIPMENT", "Torno CNC y fresadora", "Mecanizado de piezas metálicas de precisión."], ["LAB", "Ensayos no destructivos", "Ultrasonido y tintas penetrantes."]] },
  { slug: "reciplast", name: "Reciplast Barranca", kind: "STARTUP", sectors: ["MANUFACTURING", "ENVIRONMENT"],
    description: "Transforma plástico posconsumo en madera plástica para postes, estibas y mobiliario urbano.",
    offers: [["EQUIPMENT", "Extrusora de plástico reciclado", "Perfiles y tablas a partir de tapas, envases y bolsas."]] },
  { slug: "coopescar", name: "Cooperativa de Pescadores Artesanales de Barrancabermeja", kind: "NGO", sectors: ["AGROINDUSTRY", "TOURISM"],
    description: "Asocia a 120 familias pescadoras de bagre y bocachico; cultiva peces en jaulas flotantes y ofrece recorridos por el río.",
    offers: [["OTHER", "Centro de acopio de pescado con cuarto frío", "Recibo, eviscerado y conservación."]] },
  { slug: "yuma-tours", name: "Turismo Ribereño Yuma", kind: "STARTUP", sectors: ["TOURISM", "CREATIVE_ECONOMY"],
    description: "Recorridos en canoa por humedales, observación de pájaros y cocina tradicional ribereña con guías de la comunidad.",
    offers: [["OTHER", "Guías de observación de aves", "Guías locales con binoculares y listas de especies."]] },
  { slug: "corpocultura", name: "Corporación Cultural de Barrancabermeja", kind: "NGO", sectors: ["CREATIVE_ECONOMY", "EDUCATION"],
    description: "Escuela de música, teatro y danza; organiza el festival de bullerengue y producciones audiovisuales sobre la memoria del puerto.",
    offers: [["EQUIPMENT", "Estudio de grabación y edición audiovisual", "Cabina, micrófonos y sala de edición."]] },
  { slug: "agrosavia-mm", name: "Centro de Investigación Agropecuaria del Magdalena Medio", kind: "PUBLIC_ENTITY", sectors: ["AGROINDUSTRY"], verification: "VERIFIED",
    description: "Investigación agropecuaria en cacao, yuca y plátano, suelos y control biológico de plagas.",
    offers: [["LAB", "Laboratorio de suelos y fitopatología", "Análisis de fertilidad y diagnóstico de enfermedades."], ["DATA", "Mapas de aptitud de suelos", "Cartografía de aptitud por cultivo."]] },
  { slug: "cacao-de-paz", name: "Asociación Cacao de Paz", kind: "NGO", sectors: ["AGROINDUSTRY"],
    description: "Agrupa a familias cacaoteras del Magdalena Medio; beneficio del grano con cajones de fermentación y marquesinas, y elaboración de chocolatinas de origen.",
    offers: [["OTHER", "Centro de beneficio y secado de cacao", "Cajones de fermentación y marquesinas compartidas."]] },
  { slug: "fdmm", name: "Fundación para el Desarrollo del Magdalena Medio", kind: "NGO", sectors: ["OTHER", "AGROINDUSTRY", "EDUCATION"],
    description: "Microcréditos y capital semilla para emprendimientos rurales y asociaciones campesinas.",
    offers: [["FUNDING", "Capital semilla para emprendimientos rurales", "Hasta 20 millones de pesos por proyecto."]] },
  { slug: "solarmag", name: "SolarMag Energía", kind: "STARTUP", sectors: ["ENERGY_OIL", "ENVIRONMENT"],
    description: "Diseña e instala sistemas solares fotovoltaicos y baterías para viviendas, comercios y fincas.",
    offers: [["EQUIPMENT", "Banco de pruebas de paneles solares", "Medición de rendimiento de módulos e inversores."], ["MENTORING", "Dimensionamiento de sistemas fotovoltaicos", "Cálculo de carga y baterías."]] },
  { slug: "hidrolab", name: "Hidrolab Ambiental", kind: "COMPANY", sectors: ["ENVIRONMENT", "ENERGY_OIL"], verification: "VERIFIED",
    description: "Laboratorio acreditado de monitoreo ambiental: vertimientos industriales, emisiones atmosféricas y suelos contaminados con hidrocarburos.",
    offers: [["LAB", "Análisis de hidrocarburos en suelos", "Métodos acreditados para TPH e HAP."], ["EQUIPMENT", "Estaciones de calidad del aire", "Material particulado y gases."]] },
];

export interface IdeaFixture {
  title: string;
  summary: string;
  problem: string;
  solution: string;
  sector: Sector;
  /** The slug of the organization that should come first to mind. */
  bestMatch: string;
}

export const IDEAS: IdeaFixture[] = [
  { title: "Biodiésel con el aceite de cocina usado del puerto", sector: "ENERGY_OIL", bestMatch: "palmas-mm",
    summary: "Recoger el aceite que sobra en restaurantes y fritanguerías y convertirlo en combustible para las lanchas.",
    problem: "El aceite quemado termina en los desagües y tapa el alcantarillado; nadie lo recoge de forma organizada.",
    solution: "Una ruta de recolección semanal con bidones y un proceso de transesterificación por lotes que produzca biodiésel." },
  { title: "Boyas que avisan cuando falta oxígeno en la ciénaga", sector: "ENVIRONMENT", bestMatch: "cienaga-viva",
    summary: "Sensores flotantes de bajo costo que midan oxígeno disuelto y temperatura del agua en la ciénaga San Silvestre.",
    problem: "Cada verano hay mortandad de peces y los pescadores se enteran cuando ya es tarde.",
    solution: "Boyas con sondas que envíen lecturas cada hora y alertas por mensaje a las familias pescadoras y voluntarios." },
  { title: "Boletín diario de profundidad del canal navegable", sector: "RIVER_LOGISTICS", bestMatch: "cormagdalena",
    summary: "Publicar cada mañana la profundidad medida en los pasos críticos del río para planear los viajes.",
    problem: "En época seca los convoyes encallan en los bajos porque la información de niveles llega tarde o no llega.",
    solution: "Integrar las lecturas de nivel del río y las batimetrías más recientes en un mapa sencillo con alertas de calado." },
  { title: "Consultas médicas por video para los corregimientos", sector: "HEALTH", bestMatch: "hospital-regional",
    summary: "Que los pacientes de veredas lejanas consulten con especialistas sin viajar hasta el casco urbano.",
    problem: "Una cita con un especialista cuesta un día de viaje en chalupa y muchos pacientes rurales abandonan sus tratamientos.",
    solution: "Puntos de telemedicina en los puestos de salud de los corregimientos, con enfermeras que acompañan la consulta a distancia." },
  { title: "Prótesis de mano impresas en 3D", sector: "MANUFACTURING", bestMatch: "sena-barranca",
    summary: "Prótesis funcionales de bajo costo para trabajadores y niños que perdieron dedos o una mano.",
    problem: "Una prótesis importada cuesta más de diez salarios mínimos y tarda meses en llegar.",
    solution: "Diseños abiertos adaptados a cada persona con escáner, impresión tridimensional en filamento flexible y pruebas de prototipos." },
  { title: "Chocolate de origen hecho por las familias cacaoteras", sector: "AGROINDUSTRY", bestMatch: "cacao-de-paz",
    summary: "Una marca común de chocolate que pague mejor el cacao de la región.",
    problem: "Los productores venden el grano sin fermentar a intermediarios y reciben el precio más bajo del mercado.",
    solution: "Fermentación y secado colectivos para mejorar la calidad del grano, y chocolatinas con la historia de cada finca." },
  { title: "Ruta de aves en las ciénagas de Barrancabermeja", sector: "TOURISM", bestMatch: "yuma-tours",
    summary: "Un recorrido guiado para observar garzas, martín pescador y chavarríes al amanecer.",
    problem: "Los visitantes solo conocen la refinería; la riqueza de aves de los humedales no se aprovecha para el turismo.",
    solution: "Rutas en canoa con guías de la comunidad, miradores sencillos y una lista de especies para los visitantes." },
  { title: "Drones que detectan fugas en los ductos", sector: "ICT", bestMatch: "codeland",
    summary: "Inspeccionar los ductos con cámaras térmicas y un modelo que reconozca fugas en las imágenes.",
    problem: "Las fugas en líneas de flujo se detectan tarde y contaminan caños y potreros.",
    solution: "Vuelos periódicos de drones y redes neuronales entrenadas con imágenes térmicas etiquetadas para marcar posibles fugas." },
  { title: "Archivo sonoro de las cantadoras de bullerengue", sector: "CREATIVE_ECONOMY", bestMatch: "corpocultura",
    summary: "Grabar y documentar los cantos de las cantadoras mayores antes de que se pierdan.",
    problem: "Las cantadoras que conocen los cantos tradicionales son pocas y sus voces no están grabadas.",
    solution: "Sesiones de grabación, un documental corto y un archivo en línea con las letras y la historia de cada canto." },
  { title: "Bancas para parques hechas con tapas recicladas", sector: "ENVIRONMENT", bestMatch: "reciplast",
    summary: "Los colegios recogen tapas y envases plásticos y los convierten en bancas para sus parques.",
    problem: "Los plásticos de un solo uso terminan en caños y botaderos y los parques del barrio no tienen dónde sentarse.",
    solution: "Campañas de recolección escolar y fabricación de tablas de plástico reciclado para armar bancas y mesas." },
];

/** Writes the organizations (with their offers); returns their ids by slug. */
export async function seedOrganizations(db: Db, organizations: OrganizationFixture[] = ORGANIZATIONS): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of organizations) {
    const created = await db.organization.create({
      data: {
        slug: o.slug,
        name: o.name,
        kind: o.kind,
        sectors: o.sectors,
        description: o.description,
        verification: o.verification ?? "UNVERIFIED",
        offers: { create: o.offers.map(([kind, title, description]) => ({ kind, title, description })) },
      },
      select: { id: true },
    });
    ids.set(o.slug, created.id);
  }
  return ids;
}

/** A published idea, written straight to the database. */
export async function publishIdea(db: Db, authorId: string, idea: Omit<IdeaFixture, "bestMatch">, organizationId: string | null = null) {
  const now = new Date();
  const { title, summary, problem, solution, sector } = idea;
  return db.idea.create({
    data: { title, summary, problem, solution, sector, status: "PUBLISHED", authorId, organizationId, submittedAt: now, publishedAt: now },
    select: { id: true },
  });
}
