import { events } from "../../../db/schema";
import type { DomainContext } from "../context";

export interface AuditInput {
  /** A fixed id makes the entry write-once: a repeat (insert ... on conflict do nothing) adds nothing. */
  id?: string;
  type: string;
  actorId?: string | null;
  subjectType?: string;
  subjectId?: string;
  ip?: string | null;
  userAgent?: string | null;
  country?: string | null;
  data?: Record<string, unknown>;
}

/** The insert statement, so callers can put it in the same batch as the change it records. */
export function auditStatement(ctx: DomainContext, input: AuditInput) {
  return ctx.db.insert(events).values({
    id: input.id ?? ctx.newId(),
    type: input.type,
    actorId: input.actorId ?? null,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    country: input.country ?? null,
    data: input.data ?? null,
    createdAt: ctx.clock.now(),
  });
}

export async function recordEvent(ctx: DomainContext, input: AuditInput): Promise<void> {
  await auditStatement(ctx, input);
}
