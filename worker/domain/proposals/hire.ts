import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { proposals, OPEN_PROPOSAL_STATUSES, type Project, type Proposal } from "../../../db/schema";
import type { DomainContext } from "../context";

/** Terms an offer writes on its contract; without them the contract follows the proposal's bid (see contract-core/terms.ts). */
export interface OfferColumns {
  title: string;
  offerMessage: string | null;
  type: "fixed" | "hourly";
  amount: number;
  hourlyRate: number | null;
  weeklyHourLimit: number | null;
  startDate: string;
}

/**
 * The two statements that hire on a proposal, for one batch: the proposal becomes "accepted" only if it is still
 * undecided, and the contract (status "offered") is written only if this very batch flipped it, so a double
 * click cannot make two contracts. The first statement returns the claimed row: none means someone decided first.
 */
export function claimProposalStatements(
  ctx: DomainContext,
  input: { proposal: Proposal; project: Project; contractId: string; now: Date; offer?: OfferColumns },
) {
  const { proposal, project, contractId, now, offer } = input;
  const ms = now.getTime();
  // Without an offer the contract takes the proposal's own terms: its bid, and on an hourly bid its weekly hours as the limit.
  const offerValues = offer
    ? sql`, ${offer.title}, ${offer.offerMessage}, ${offer.type}, ${offer.hourlyRate}, ${offer.weeklyHourLimit}, ${offer.startDate}, ${ms}`
    : sql`, weekly_hours`;
  const offerColumns = offer
    ? sql`, title, offer_message, type, hourly_rate, weekly_hour_limit, start_date, updated_at`
    : sql`, weekly_hour_limit`;
  return [
    ctx.db
      .update(proposals)
      .set({ status: "accepted", updatedAt: now, decidedAt: now })
      .where(and(eq(proposals.id, proposal.id), inArray(proposals.status, [...OPEN_PROPOSAL_STATUSES])))
      .returning({ id: proposals.id }),
    ctx.db
      .run(sql`INSERT INTO contracts (id, project_id, client_id, freelancer_id, proposal_id, status, amount, currency, created_at${offerColumns})
      SELECT ${contractId}, project_id, ${project.clientId}, freelancer_id, id, 'offered', ${offer ? offer.amount : sql.raw("bid_amount")}, currency, ${ms}${offerValues}
      FROM proposals WHERE id = ${proposal.id} AND status = 'accepted'
      AND NOT EXISTS (SELECT 1 FROM contracts WHERE proposal_id = ${proposal.id})`),
  ] as const;
}

/**
 * An insert that happens only when the same batch wrote the contract `contractId` (see claimProposalStatements),
 * so the rows that belong to a new offer never outlive a lost race. Values are written as stored: timestamps in
 * milliseconds, JSON as text.
 */
export function insertWithNewContract(ctx: DomainContext, contractId: string, table: string, row: Record<string, unknown>) {
  const columns = Object.keys(row);
  const values: SQL[] = columns.map((column) => {
    const value = row[column];
    if (value instanceof Date) return sql`${value.getTime()}`;
    if (value !== null && typeof value === "object") return sql`${JSON.stringify(value)}`;
    if (typeof value === "boolean") return sql`${value ? 1 : 0}`;
    return sql`${value ?? null}`;
  });
  return ctx.db.run(
    sql`INSERT INTO ${sql.identifier(table)} (${sql.join(
      columns.map((c) => sql.identifier(c)),
      sql`, `,
    )}) SELECT ${sql.join(values, sql`, `)} WHERE EXISTS (SELECT 1 FROM contracts WHERE id = ${contractId})`,
  );
}
