import { withConstraintMessages } from "../db/errors";
import type { Context } from "../trpc/context";
import { AppError, fieldError } from "../trpc/errors";
import { isCommonPassword } from "./common-passwords";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import type { LoginInput, RegisterInput } from "./schemas";
import { PASSWORD_MAX, PASSWORD_MIN } from "./schemas";
import {
  clearedSessionCookie,
  createSession,
  invalidateSession,
  invalidateUserSessions,
  sessionCookie,
  type SessionUser,
} from "./session";
import {
  LOGIN_RULES,
  REGISTRATION_RULE,
  clearAttempts,
  forgiveAttempt,
  refusalMinutes,
  reserveAttempt,
  throttleKey,
} from "./throttle";
import { isTrustedDevice, trustDevice } from "./trusted-device";

const publicUser = { id: true, email: true, name: true, role: true, locale: true } as const;

/** Rules beyond length that make a password guessable; shared by registration and the CLI. */
export function checkPasswordStrength(password: string, email: string): void {
  if (password.length < PASSWORD_MIN) throw fieldError("password", "auth.passwordTooShort", { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX) throw fieldError("password", "auth.passwordTooLong", { max: PASSWORD_MAX });
  if (isCommonPassword(password)) throw fieldError("password", "auth.passwordCommon");
  const localPart = email.split("@")[0] ?? "";
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart.toLowerCase())) {
    throw fieldError("password", "auth.passwordContainsEmail");
  }
}

/** Creates any account, SECRETARIAT included: the public procedure restricts the role first. */
export async function createUser(
  db: Context["db"],
  input: { name: string; email: string; password: string; role: SessionUser["role"]; locale?: string },
): Promise<SessionUser> {
  checkPasswordStrength(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return withConstraintMessages(
    () =>
      db.user.create({
        data: { name: input.name, email: input.email, passwordHash, role: input.role, ...(input.locale ? { locale: input.locale } : {}) },
        select: publicUser,
      }),
    { User_email_key: { key: "auth.emailTaken", field: "email" } },
  );
}

/** Signing in replaces the session this browser had: it is revoked, never left valid. */
async function startSession(ctx: Context, user: SessionUser) {
  if (ctx.session) await invalidateSession(ctx.db, ctx.session.id);
  const { token, expiresAt } = await createSession(ctx.db, user.id, { userAgent: ctx.userAgent, ip: ctx.ip });
  ctx.setCookie(sessionCookie(token, expiresAt, ctx.secureCookies));
  const deviceCookie = await trustDevice(ctx.db, user.id, ctx.deviceToken, ctx.secureCookies);
  if (deviceCookie) ctx.setCookie(deviceCookie);
}

export async function register(ctx: Context, input: RegisterInput): Promise<SessionUser> {
  const verdict = await reserveAttempt(ctx.db, REGISTRATION_RULE, throttleKey(REGISTRATION_RULE, ctx.ip));
  const minutes = refusalMinutes([verdict]);
  if (minutes !== null) throw new AppError("TOO_MANY_REQUESTS", "auth.registrationThrottled", { minutes });
  let user: SessionUser;
  try {
    // Emails are written in the language the person signed up in (User.locale).
    user = await createUser(ctx.db, { ...input, locale: ctx.locale });
  } catch (error) {
    // Only accounts created count: a typo in the form must not use up the connection's quota.
    await forgiveAttempt(ctx.db, verdict.key);
    throw error;
  }
  await startSession(ctx, user);
  return user;
}

/** The sign-in policy is described in server/auth/throttle.ts (LOGIN_RULES) and the README. */
export async function login(ctx: Context, input: LoginInput): Promise<SessionUser> {
  const { ACCOUNT_FROM_IP, IP, ACCOUNT } = LOGIN_RULES;
  const trusted = await isTrustedDevice(ctx.db, ctx.deviceToken, input.email);
  const verdicts = await Promise.all([
    reserveAttempt(ctx.db, ACCOUNT_FROM_IP, throttleKey(ACCOUNT_FROM_IP, input.email, ctx.ip)),
    reserveAttempt(ctx.db, IP, throttleKey(IP, ctx.ip)),
    ...(trusted ? [] : [reserveAttempt(ctx.db, ACCOUNT, throttleKey(ACCOUNT, input.email))]),
  ]);
  const minutes = refusalMinutes(verdicts);
  if (minutes !== null) throw new AppError("TOO_MANY_REQUESTS", "auth.throttled", { minutes });
  const found = await ctx.db.user.findUnique({ where: { email: input.email }, select: { ...publicUser, passwordHash: true } });
  const valid = found ? await verifyPassword(found.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!found || !valid) throw new AppError("UNAUTHORIZED", "auth.invalidCredentials");
  const [accountFromIp, ...shared] = verdicts.map((v) => v.key);
  // The owner's own failures from this connection are forgotten; shared counters only get this attempt back.
  await Promise.all([clearAttempts(ctx.db, [accountFromIp!]), ...shared.map((key) => forgiveAttempt(ctx.db, key))]);
  const { passwordHash: _hash, ...user } = found;
  await startSession(ctx, user);
  return user;
}
export async function logout(ctx: Context & { session: { id: string } }): Promise<void> {
  await invalidateSession(ctx.db, ctx.session.id);
  ctx.setCookie(clearedSessionCookie(ctx.secureCookies));
}

export async function logoutEverywhere(ctx: Context & { user: SessionUser }): Promise<number> {
  const count = await invalidateUserSessions(ctx.db, ctx.user.id);
  ctx.setCookie(clearedSessionCookie(ctx.secureCookies));
  return count;
}
