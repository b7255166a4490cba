import { Sector } from "../db/generated/enums";
import { reasonField } from "../idea/schemas";
import { z } from "../validation";

/**
 * The queues of /moderacion, in the order of its tabs. A new queue (organizations to verify, call
 * proposals, bookings awaiting approval) is one more id here and one more entry in ./queues.ts.
 */
export const QUEUE_IDS = ["review", "reported", "organizations", "comments", "calls", "callParticipations", "bookings"] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

/** "" from a form's "all sectors" option means no filter. */
const sectorFilter = z.preprocess((v) => (v === "" ? undefined : v), z.enum(Sector).optional());

export const queuesInput = z.object({ sector: sectorFilter }).default({});

export const queueInput = z.object({
  queue: z.enum(QUEUE_IDS),
  sector: sectorFilter,
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});

export const resolveReportsInput = z.object({
  ideaId: z.uuid(),
  /** Dismiss: the reports were unfounded (a hidden idea returns). Uphold: they were right (a public idea is hidden). */
  outcome: z.enum(["dismiss", "uphold"]),
  reason: reasonField,
});

export const ideaReportsInput = z.object({ ideaId: z.uuid() });

export type QueueFilters = { sector?: Sector };
export type QueueInput = z.infer<typeof queueInput>;
export type ResolveReportsInput = z.infer<typeof resolveReportsInput>;
