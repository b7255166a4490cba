import { Prisma } from "../db/client";
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
  ACCOUNT_ATTEMPTS,
  IP_ATTEMPTS,
  accountKey,
  clearLoginAttempts,
  forgiveLoginAttempt,
  ipKey,
  reserveLoginAttempt,
} from "./throttle";

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

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates any account, SECRETARIAT included: the public procedure restricts the role first. */
export async function createUser(
  db: Context["db"],
  input: { name: string; email: string; password: string; role: SessionUser["role"] },
): Promise<SessionUser> {
  checkPasswordStrength(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: input.role },
      select: publicUser,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("email", "auth.emailTaken", {}, "CONFLICT");
    throw error;
  }
}

async function startSession(ctx: Context, user: SessionUser) {
  const { token, expiresAt } = await createSession(ctx.db, user.id, { userAgent: ctx.userAgent, ip: ctx.ip });
  ctx.setCookie(sessionCookie(token, expiresAt, ctx.secureCookies));
}

export async function register(ctx: Context, input: RegisterInput): Promise<SessionUser> {
  const user = await createUser(ctx.db, input);
  await startSession(ctx, user);
  return user;
}

export async function login(ctx: Context, input: LoginInput): Promise<SessionUser> {
  const account = accountKey(input.email);
  const ip = ipKey(ctx.ip);
  const [byAccount, byIp] = await Promise.all([
    reserveLoginAttempt(ctx.db, account, ACCOUNT_ATTEMPTS),
    reserveLoginAttempt(ctx.db, ip, IP_ATTEMPTS),
  ]);
  if (!byAccount.allowed || !byIp.allowed) {
    const seconds = Math.max(byAccount.allowed ? 0 : byAccount.retryAfterSeconds, byIp.allowed ? 0 : byIp.retryAfterSeconds);
    throw new AppError("TOO_MANY_REQUESTS", "auth.throttled", { minutes: Math.ceil(seconds / 60) });
  }
  const found = await ctx.db.user.findUnique({ where: { email: input.email }, select: { ...publicUser, passwordHash: true } });
  const valid = found ? await verifyPassword(found.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!found || !valid) throw new AppError("UNAUTHORIZED", "auth.invalidCredentials");
  await Promise.all([clearLoginAttempts(ctx.db, account), forgiveLoginAttempt(ctx.db, ip)]);
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
