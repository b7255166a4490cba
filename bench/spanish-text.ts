/**
 * Fragments the seed composes into ideas about Barrancabermeja and the Magdalena Medio. Realistic
 * text matters: the Spanish full-text index, the row width and the stemmer's work all depend on it.
 */

export const TITLE_STARTS = [
  "Plataforma para", "Red comunitaria de", "Sistema de monitoreo de", "Cooperativa de", "Laboratorio de",
  "Ruta de", "Mercado digital de", "Programa de formación en", "Observatorio de", "Escuela de",
  "Aplicación para", "Centro de acopio de", "Fondo rotatorio de", "Vivero de", "Taller abierto de",
  "Feria permanente de", "Incubadora de", "Alianza público-privada de", "Piloto de", "Mapa participativo de",
];

export const TITLE_SUBJECTS = [
  "pesca artesanal", "turismo de naturaleza", "logística fluvial", "reciclaje de plásticos", "cacao fino de aroma",
  "energía solar", "calidad del agua", "residuos de la refinería", "palma de aceite sostenible", "emprendimientos juveniles",
  "yuca y plátano", "bocachico y bagre", "apicultura", "movilidad en bicicleta", "formación técnica petrolera",
  "salud comunitaria", "café de montaña", "economía creativa", "transporte de carga por el río", "piscicultura",
  "gastronomía ribereña", "software para pymes", "restauración de humedales", "agroindustria láctea", "artesanías en fique",
];

export const TITLE_PLACES = [
  "en la ciénaga San Silvestre", "en el río Magdalena", "del puerto de Barrancabermeja", "en el corregimiento El Centro",
  "en la comuna 7", "en Puerto Wilches", "en el malecón", "en la ciénaga El Llanito", "para el Magdalena Medio",
  "en Yarima", "en la comuna 5", "en la Meseta de San Rafael", "en el barrio Primero de Mayo", "en San Rafael de Chucurí",
  "en la ciénaga de Juan Esteban", "para las veredas ribereñas",
];

export const SUMMARY_OPENINGS = [
  "Proponemos", "Queremos crear", "Buscamos impulsar", "Planteamos", "Diseñamos", "Nuestra iniciativa ofrece",
  "El proyecto desarrolla", "Invitamos a construir",
];

export const SUMMARY_OBJECTS = [
  "una red de pescadores que vende directamente a restaurantes",
  "un servicio de lanchas eléctricas entre la ciudad y las ciénagas",
  "un sistema de alertas tempranas sobre el nivel del río",
  "una cooperativa que transforma el cacao en chocolate de origen",
  "un mercado en línea para productos agroindustriales de la región",
  "rutas de avistamiento de aves y manglares con guías locales",
  "una planta comunitaria de compostaje para residuos orgánicos",
  "un programa de reconversión laboral para trabajadores del petróleo",
  "una bodega fluvial compartida para pequeños productores",
  "sensores de bajo costo que miden la calidad del agua en las ciénagas",
  "un laboratorio de software donde jóvenes resuelven retos de empresas",
  "un corredor gastronómico con recetas tradicionales de pescado",
  "paneles solares en colegios rurales con mantenimiento local",
  "un banco de semillas nativas para familias campesinas",
  "una escuela de oficios para la economía creativa",
];

export const SUMMARY_CONTEXTS = [
  "con apoyo de la universidad y la empresa privada.",
  "aprovechando la vocación portuaria de Barrancabermeja.",
  "para reducir la dependencia del petróleo.",
  "con participación de juntas de acción comunal.",
  "en alianza con la Secretaría de Desarrollo Económico.",
  "para proteger las ciénagas y la pesca.",
  "generando empleo formal para mujeres y jóvenes.",
  "con indicadores abiertos que cualquiera puede consultar.",
];

export const PROBLEM_SENTENCES = [
  "Los pescadores venden su producto a intermediarios que fijan precios muy bajos.",
  "La sedimentación del río Magdalena dificulta el transporte de carga en temporada seca.",
  "Muchas familias ribereñas no tienen acceso a agua potable de manera continua.",
  "El desempleo juvenil en la ciudad supera el promedio nacional.",
  "La economía local depende casi por completo de la refinería y sus contratistas.",
  "Las ciénagas reciben vertimientos sin tratamiento que afectan la pesca.",
  "Los pequeños productores agroindustriales no logran cumplir requisitos de calidad para exportar.",
  "Los atractivos turísticos de la región son poco conocidos fuera del departamento.",
  "Las empresas no encuentran personal con formación técnica en mantenimiento y software.",
  "El costo de la energía eléctrica limita la competitividad de los talleres y negocios familiares.",
  "La información sobre convocatorias y financiación está dispersa y llega tarde a los barrios.",
  "Los residuos plásticos terminan en los caños y en la orilla del río.",
  "Las vías terciarias se vuelven intransitables en invierno y encarecen los fletes.",
  "Las mujeres emprendedoras tienen poco acceso a crédito formal.",
];

export const SOLUTION_SENTENCES = [
  "Crearemos una plataforma sencilla donde productores y compradores acuerden precios justos.",
  "Formaremos a cuarenta jóvenes como técnicos en mantenimiento de sistemas solares.",
  "Instalaremos puntos de acopio con cadena de frío en tres corregimientos.",
  "Organizaremos recorridos guiados por la ciénaga con operadores locales certificados.",
  "Usaremos sensores y una aplicación móvil para publicar datos abiertos sobre el agua.",
  "Acompañaremos a las unidades productivas en registro sanitario y empaques.",
  "Coordinaremos con la Secretaría un fondo semilla y mentorías de empresas aliadas.",
  "Aprovecharemos el río como corredor logístico con embarcaciones de bajo consumo.",
  "Abriremos un espacio de co-creación en la universidad para prototipar soluciones.",
  "Mediremos cada trimestre el empleo generado y los ingresos de las familias participantes.",
  "Recolectaremos plásticos en barrios ribereños y los transformaremos en mobiliario urbano.",
  "Diseñaremos rutas gastronómicas con cocineras tradicionales del puerto.",
  "Implementaremos un piloto de seis meses antes de escalar a otros municipios del Magdalena Medio.",
];

export const FIRST_NAMES = [
  "María", "José", "Luisa", "Andrés", "Carolina", "Jhon", "Yuliana", "Camilo", "Daniela", "Edwin",
  "Paola", "Julián", "Natalia", "Wilson", "Sandra", "Óscar", "Diana", "Fabián", "Leidy", "Hernán",
  "Marcela", "Yesid", "Ángela", "Iván",
];

export const LAST_NAMES = [
  "Rodríguez", "Gómez", "Martínez", "Pérez", "Quintero", "Ardila", "Rueda", "Pinzón", "Suárez", "Orduz",
  "Cárdenas", "Barrera", "Mantilla", "Serrano", "Vargas", "Rincón", "Díaz", "Jaimes", "Castellanos", "Ortiz",
];

export const ORGANIZATIONS = [
  ["Universidad de la Paz", "UNIVERSITY"], ["Unipaz Sede Barrancabermeja", "UNIVERSITY"],
  ["UIS Sede Barrancabermeja", "UNIVERSITY"], ["SENA Regional Santander", "PUBLIC_ENTITY"],
  ["Cámara de Comercio de Barrancabermeja", "PUBLIC_ENTITY"], ["Asociación de Pescadores de San Silvestre", "NGO"],
  ["Transportes Fluviales del Magdalena", "COMPANY"], ["Agroindustrias del Puerto", "COMPANY"],
  ["Soluciones Solares del Magdalena Medio", "STARTUP"], ["Fundación Ciénagas Vivas", "NGO"],
] as const;

/** A word in common use in titles and summaries: a search that matches thousands of ideas. */
export const COMMON_WORD = "pesca";
/** Planted in about one idea in ten thousand (and at least one of the first thousand). */
export const RARE_WORD = "manatí";
export const RARE_PHRASE = "Incluye la protección del manatí antillano.";
/** Appears in no seeded text: the search must answer from the index alone. */
export const ABSENT_WORD = "criptomonedas";
