import type { LifecycleIdea } from "./lifecycle";

const S = "secretaria@cocrea.demo";
const LUISA = "emprendedora@cocrea.demo";
const JORGE = "academia@cocrea.demo";
const CAMILA = "empresa@cocrea.demo";
const ANDRES = "andres.rueda@cocrea.demo";
const MARIA = "mariajose.cardenas@cocrea.demo";
const YESID = "yesid.quintero@cocrea.demo";

/**
 * Ideas in every state of the lifecycle, with the history that got them there: drafts, three
 * waiting for review, changes requested, rejected, in development, incubated, archived, one
 * hidden by reports and one published with open reports (the two of the "Reportadas" queue).
 */
export const LIFECYCLE_IDEAS: LifecycleIdea[] = [
  {
    title: "Mercado campesino en línea para las veredas del corregimiento El Centro",
    summary: "Pedidos semanales por WhatsApp y una página sencilla para que las familias campesinas vendan directo a los barrios.",
    problem: "Las familias de las veredas venden a intermediarios a precios bajos y pierden parte de la cosecha por falta de compradores fijos.",
    solution: "Un catálogo semanal, pedidos agrupados por barrio y una ruta de entrega compartida los sábados desde El Centro.",
    sector: "AGROINDUSTRY",
    author: LUISA,
    createdDaysAgo: 3,
    steps: [],
  },
  {
    title: "Observatorio de datos abiertos del Distrito",
    summary: "Un portal con datos de movilidad, calidad del aire y empleo del Distrito, publicados en formatos abiertos y actualizados cada mes.",
    problem: "Los datos públicos del Distrito están dispersos en informes PDF y nadie puede cruzarlos para investigar o emprender.",
    solution: "La Universidad organiza y publica los conjuntos de datos con la Secretaría, con un semillero que los mantiene y documenta.",
    sector: "ICT",
    author: JORGE,
    organization: "universidad-industrial-del-magdalena-medio",
    createdDaysAgo: 1,
    steps: [],
  },
  {
    title: "Proveedores locales certificados para el mantenimiento de la refinería",
    summary: "Un programa que certifica talleres de Barrancabermeja para que presten servicios de mantenimiento menor en la refinería.",
    problem: "Los contratos de mantenimiento menor se van a empresas de otras ciudades porque los talleres locales no tienen certificaciones.",
    solution: "Rutas de certificación con la Cámara de Comercio, acompañamiento técnico y una bolsa de pedidos piloto para los primeros talleres.",
    sector: "ENERGY_OIL",
    author: CAMILA,
    organization: "refinerias-y-servicios-del-magdalena",
    createdDaysAgo: 10,
    steps: [{ daysAgo: 8, to: "SUBMITTED", by: CAMILA }],
  },
  {
    title: "Bicicletas compartidas entre los barrios y la zona industrial",
    summary: "Estaciones de bicicletas en cinco barrios y en las porterías de la zona industrial para ir al trabajo sin moto ni bus.",
    problem: "Los trabajadores de la zona industrial gastan mucho en transporte y las vías de acceso se congestionan en los cambios de turno.",
    solution: "Bicicletas con candado inteligente, estaciones patrocinadas por las empresas y ciclorrutas señalizadas en los tramos más usados.",
    sector: "ENVIRONMENT",
    author: LUISA,
    createdDaysAgo: 5,
    steps: [{ daysAgo: 4, to: "SUBMITTED", by: LUISA }],
  },
  {
    title: "Guía digital de turismo gastronómico del puerto",
    summary: "Una guía con los platos típicos del puerto, las cocinas tradicionales que los preparan y rutas a pie por el malecón.",
    problem: "Los visitantes no encuentran información sobre la cocina local y las cocineras tradicionales no tienen cómo darse a conocer.",
    solution: "Fichas de cada cocina con fotos, horarios y precios, códigos QR en el malecón y un mapa con la ruta gastronómica.",
    sector: "TOURISM",
    author: ANDRES,
    createdDaysAgo: 2,
    steps: [{ daysAgo: 1, to: "SUBMITTED", by: ANDRES }],
  },
  {
    title: "App de turnos para el centro de salud del barrio",
    summary: "Turnos por mensaje de texto para no hacer fila desde la madrugada en el centro de salud del barrio.",
    problem: "Las personas mayores hacen fila desde las cuatro de la mañana para conseguir una cita médica en el centro de salud.",
    solution: "Turnos asignados por SMS o WhatsApp con hora aproximada de atención, y una pantalla en la sala de espera.",
    sector: "HEALTH",
    author: LUISA,
    createdDaysAgo: 12,
    steps: [
      { daysAgo: 11, to: "SUBMITTED", by: LUISA },
      {
        daysAgo: 9,
        to: "CHANGES_REQUESTED",
        by: S,
        reason: "Falta describir quién operaría los turnos y cómo se protegerían los datos de los pacientes. Agrega esa parte y envíala de nuevo.",
      },
    ],
  },
  {
    title: "Casino virtual con premios para impulsar el comercio",
    summary: "Una plataforma de apuestas en línea cuyos premios sean bonos para gastar en el comercio del centro.",
    problem: "El comercio del centro vende poco entre semana y necesita atraer compradores con incentivos llamativos.",
    solution: "Juegos de azar en línea con premios en bonos de consumo canjeables en los almacenes participantes.",
    sector: "CREATIVE_ECONOMY",
    author: YESID,
    createdDaysAgo: 21,
    steps: [
      { daysAgo: 20, to: "SUBMITTED", by: YESID },
      { daysAgo: 18, to: "REJECTED", by: S, reason: "Los juegos de azar no hacen parte de la línea de innovación del Plan de Desarrollo; no podemos publicarla." },
    ],
  },
  {
    title: "Biofiltros para los vertimientos de la ciénaga Miramar",
    summary: "Biofiltros de plantas nativas en los caños que llegan a la ciénaga Miramar, con monitoreo de la calidad del agua.",
    problem: "Los vertimientos domésticos llegan sin tratamiento a la ciénaga Miramar y deterioran el agua y la pesca.",
    solution: "Humedales artificiales con especies nativas en dos caños piloto y mediciones mensuales del laboratorio de aguas.",
    sector: "ENVIRONMENT",
    author: JORGE,
    organization: "universidad-industrial-del-magdalena-medio",
    createdDaysAgo: 60,
    steps: [
      { daysAgo: 58, to: "SUBMITTED", by: JORGE },
      { daysAgo: 55, to: "PUBLISHED", by: S },
      { daysAgo: 20, to: "IN_DEVELOPMENT", by: S, reason: "La Universidad y la Secretaría acompañan el piloto en dos caños." },
    ],
  },
  {
    title: "Cuartos fríos solares para las asociaciones de pescadores",
    summary: "Cuartos fríos alimentados con energía solar en los puertos de las ciénagas para conservar el pescado hasta la venta.",
    problem: "Sin frío, los pescadores venden toda la captura el mismo día y a cualquier precio para no perderla.",
    solution: "Cuartos fríos solares administrados por las asociaciones, con registro de lotes conectado a la trazabilidad de Pesca Viva.",
    sector: "AGROINDUSTRY",
    author: LUISA,
    organization: "pesca-viva-tech",
    createdDaysAgo: 90,
    steps: [
      { daysAgo: 88, to: "SUBMITTED", by: LUISA },
      { daysAgo: 85, to: "PUBLISHED", by: S },
      { daysAgo: 60, to: "IN_DEVELOPMENT", by: S },
      { daysAgo: 30, to: "INCUBATED", by: S, reason: "Seleccionada para la cohorte de incubación del Distrito." },
    ],
  },
  {
    title: "Feria virtual de proveedores del Magdalena Medio 2025",
    summary: "Una feria en línea para que las empresas grandes conozcan a los proveedores locales y agenden citas de negocio.",
    problem: "Los proveedores pequeños no llegan a las áreas de compras de las empresas grandes de la región.",
    solution: "Vitrina virtual de proveedores, agenda de citas de 20 minutos y un catálogo descargable por sector.",
    sector: "MANUFACTURING",
    author: CAMILA,
    createdDaysAgo: 200,
    steps: [
      { daysAgo: 199, to: "SUBMITTED", by: CAMILA },
      { daysAgo: 197, to: "PUBLISHED", by: S },
      { daysAgo: 100, to: "ARCHIVED", by: S, reason: "La feria ya se realizó; la idea queda como referencia." },
    ],
  },
  {
    title: "Compra seguidores y reseñas para tu negocio",
    summary: "Paquetes de seguidores y reseñas de cinco estrellas para que los negocios del centro se vean más populares en redes.",
    problem: "Los negocios nuevos tienen pocos seguidores y pocas reseñas, y los clientes desconfían de ellos.",
    solution: "Vendemos paquetes de mil seguidores y cincuenta reseñas positivas por negocio, entregados en 24 horas.",
    sector: "CREATIVE_ECONOMY",
    author: YESID,
    createdDaysAgo: 8,
    steps: [
      { daysAgo: 7.5, to: "SUBMITTED", by: YESID },
      { daysAgo: 6, to: "PUBLISHED", by: S },
    ],
    reports: [
      { by: LUISA, reason: "SPAM", details: "Es publicidad de un servicio, no una idea.", daysAgo: 3 },
      { by: JORGE, reason: "SPAM", daysAgo: 2.5 },
      { by: ANDRES, reason: "OFF_TOPIC", details: "Comprar reseñas falsas engaña a los clientes.", daysAgo: 2 },
    ],
  },
  {
    title: "Pisos de caucho reciclado para los parques infantiles",
    summary: "Convertir las llantas usadas de los talleres en pisos de caucho para los parques infantiles de las comunas.",
    problem: "Las llantas usadas terminan en lotes y caños, acumulan agua y criaderos de zancudos, y los parques tienen pisos duros.",
    solution: "Acopio en los talleres, trituración con una empresa aliada y losetas instaladas por juntas de acción comunal.",
    sector: "ENVIRONMENT",
    author: ANDRES,
    createdDaysAgo: 16,
    steps: [
      { daysAgo: 15, to: "SUBMITTED", by: ANDRES },
      { daysAgo: 14, to: "PUBLISHED", by: S },
    ],
    reports: [
      { by: MARIA, reason: "PERSONAL_DATA", details: "El problema menciona el nombre completo y la dirección de un vecino.", daysAgo: 1 },
      { by: CAMILA, reason: "OTHER", details: "Parece copiada de un proyecto de otra ciudad; convendría pedir la fuente.", daysAgo: 0.2 },
    ],
  },
];
