import type { home as es } from "../es/home";
import type { Translation } from "../types";

export const home: Translation<typeof es> = {
  "home.title": "Ideas that transform Barrancabermeja",
  "home.lead": "Cocrea brings together entrepreneurs, universities, companies and the ICT, Science and Innovation Secretariat to turn citizens' ideas into real projects.",
  "home.ctaIdeas": "Explore ideas",
  "home.ctaNew": "Propose an idea",
  "home.latest": "Recent ideas",
  "home.seeAll": "See all ideas",
  "home.forWho": "Who is Cocrea for?",
  "home.who.entrepreneurs": "Entrepreneurs: propose ideas, answer calls and book labs and coworking space.",
  "home.who.allies": "Universities and companies: join as allies, mentors or jury and form alliances.",
  "home.who.secretariat": "The Secretariat: runs calls, moderates, verifies organizations and approves bookings.",
  "home.who.citizens": "Citizens: browse ideas and impact indicators without an account.",
  "soon.lead": "This section is under construction and will arrive in upcoming versions of Cocrea.",
  "soon.spaces": "Innovation centers, labs and coworking with online booking.",
  "soon.indicators": "Public, real-time impact indicators and open data.",
};
