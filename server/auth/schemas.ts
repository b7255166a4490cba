import { z } from "../validation";
import { SELF_REGISTER_ROLES } from "./roles";

export { SELF_REGISTER_ROLES };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(254)
  .pipe(z.email());

export const passwordSchema = z
  .string()
  .min(1)
  .min(PASSWORD_MIN, "auth.passwordTooShort")
  .max(PASSWORD_MAX, "auth.passwordTooLong");

export const nameSchema = z.string().trim().min(1).min(2).max(120);

export const registerInput = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: z.enum(SELF_REGISTER_ROLES, "auth.roleNotAllowed"),
});

export const loginInput = z.object({
  email: emailSchema,
  // No length rules at login: a wrong password is just wrong, whatever its length.
  password: z.string().min(1).max(1024),
});

export type RegisterInput = z.infer<typeof registerInput>;
export type LoginInput = z.infer<typeof loginInput>;
