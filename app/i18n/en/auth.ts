import type { auth as es } from "../es/auth";
import type { Translation } from "../types";

export const auth: Translation<typeof es> = {
  "role.ENTREPRENEUR": "Entrepreneur",
  "role.ACADEMIA": "Academia",
  "role.COMPANY": "Company",
  "role.SECRETARIAT": "Secretariat",
  "register.title": "Create an account",
  "register.lead": "Take part in Cocrea as an entrepreneur, academia or company.",
  "register.name": "Full name",
  "register.email": "Email",
  "register.password": "Password",
  "register.passwordHint": "At least 10 characters. Avoid common passwords.",
  "register.role": "I take part as",
  "register.submit": "Create account",
  "register.haveAccount": "Already have an account?",
  "login.title": "Sign in",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.noAccount": "Don't have an account yet?",
  "logout.title": "Sign out",
  "logout.lead": "Do you want to sign out of Cocrea on this device?",
  "logout.submit": "Sign out",
  "logout.everywhere": "Sign out on all my devices",
  "logout.everywhereHint": "Use it if you signed in on a shared computer or think someone else uses your account.",
  "logout.done": "You signed out.",
};
