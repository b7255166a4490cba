import type { layout as es } from "../es/layout";
import type { Translation } from "../types";

export const layout: Translation<typeof es> = {
  "app.name": "Cocrea",
  "app.tagline": "Co-creation and innovation for Barrancabermeja",
  "app.owner": "District Mayor's Office of Barrancabermeja · ICT, Science and Innovation Secretariat",
  "nav.label": "Main navigation",
  "nav.skip": "Skip to content",
  "nav.home": "Home",
  "nav.menu": "Menu",
  "nav.ideas": "Ideas",
  "nav.calls": "Calls",
  "nav.alliances": "Alliances",
  "nav.spaces": "Spaces",
  "nav.indicators": "Indicators",
  "account.menu": "Your account",
  "account.login": "Sign in",
  "account.register": "Create account",
  "account.logout": "Sign out",
  "account.signedInAs": "Signed in as {{name}}",
  "lang.label": "Language",
  "lang.change": "Change",
  "lang.es": "Español",
  "lang.en": "English",
  "form.required": "required",
  "form.errorSummary": "Please check the marked fields",
  "footer.about": "Open co-creation and innovation platform of the District of Barrancabermeja. Development Plan line “Barrancabermeja Innovation and Technology”.",
};
