/** The home page and the sections still under construction. */
export const home = {
  "home.title": "Ideas que transforman a Barrancabermeja",
  "home.lead": "Cocrea reúne a emprendedores, universidades, empresas y a la Secretaría TIC, Ciencia e Innovación para convertir ideas ciudadanas en proyectos reales.",
  "home.ctaIdeas": "Explorar ideas",
  "home.ctaNew": "Proponer una idea",
  "home.latest": "Ideas recientes",
  "home.seeAll": "Ver todas las ideas",
  "home.forWho": "¿Para quién es Cocrea?",
  "home.who.entrepreneurs": "Emprendedores: proponen ideas, responden convocatorias y reservan laboratorios y coworking.",
  "home.who.allies": "Universidades y empresas: se suman como aliadas, mentoras o jurado y forman alianzas.",
  "home.who.secretariat": "La Secretaría: abre convocatorias, modera, verifica organizaciones y aprueba reservas.",
  "home.who.citizens": "La ciudadanía: consulta ideas e indicadores de impacto sin crear cuenta.",
  "soon.lead": "Esta sección está en construcción y llegará en las próximas versiones de Cocrea.",
  "soon.spaces": "Centros de innovación, laboratorios y coworking con reservas en línea.",
  "soon.indicators": "Indicadores de impacto públicos y en tiempo real, y datos abiertos.",
} as const;
