import { failureOf } from "../support/callers";

/**
 * Which test file declares the expectations of which procedures. procedure-coverage.test.ts owns
 * everything not listed here; each file named below checks that it covers all of its prefixes, so
 * a new procedure without a row fails wherever it belongs.
 */
export const DELEGATED_COVERAGE = {
  "tests/authz/call-coverage.test.ts": ["calls.", "callParticipation."],
  "tests/authz/evaluation-coverage.test.ts": ["submission.", "evaluation."],
  "tests/authz/booking-coverage.test.ts": ["center.", "space.", "availability.", "booking."],
  "tests/authz/alliance-coverage.test.ts": ["alliance.", "commitment.", "milestone."],
  "tests/authz/match-coverage.test.ts": ["match."],
} as const;

const delegatedPrefixes: readonly string[] = Object.values(DELEGATED_COVERAGE).flat();

/** The procedures of `paths` that the given prefixes own (or, with no prefixes, that nobody was delegated). */
export function proceduresOwnedBy(paths: string[], prefixes: readonly string[] | null): string[] {
  const owned = prefixes
    ? paths.filter((path) => prefixes.some((prefix) => path.startsWith(prefix)))
    : paths.filter((path) => !delegatedPrefixes.some((prefix) => path.startsWith(prefix)));
  return owned.sort();
}

export type CoverageOutcome = "allowed" | 400 | 401 | 403 | 404 | 409;

/**
 * What a real call came to: "allowed", or the refusal's HTTP status when it is one of `refusals`;
 * anything else (a 500, an unexpected 400) fails the test with the error itself.
 */
export async function outcomeOf(promise: Promise<unknown>, refusals: readonly CoverageOutcome[] = [401, 403, 404, 409]): Promise<CoverageOutcome> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    const { httpStatus } = await failureOf(Promise.reject(error));
    const refusal = refusals.find((status) => status === httpStatus);
    if (refusal !== undefined) return refusal;
    throw error;
  }
}
