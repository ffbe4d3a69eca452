import { eq } from "drizzle-orm";
import { contracts, projects, type Contract, type User } from "../../../db/schema";
import { requireVerifiedEmail } from "../auth/accounts";
import type { DomainContext } from "../context";
import { AppError } from "../errors";

export type PartyRole = "client" | "freelancer";

export interface ContractAccess {
  contract: Contract;
  /** The project's budget type, which a fresh offer's terms follow until the client sets them. */
  projectBudgetType: "fixed" | "hourly";
  projectTitle: string;
  role: PartyRole;
}

export function contractNotFound(): AppError {
  return new AppError(404, "not_found", "No such contract.");
}

export function partyRole(contract: Contract, userId: string): PartyRole | null {
  if (contract.clientId === userId) return "client";
  if (contract.freelancerId === userId) return "freelancer";
  return null;
}

export async function loadContractWithProject(ctx: DomainContext, contractId: string) {
  const [row] = await ctx.db
    .select({ contract: contracts, budgetType: projects.budgetType, title: projects.title })
    .from(contracts)
    .innerJoin(projects, eq(projects.id, contracts.projectId))
    .where(eq(contracts.id, contractId))
    .limit(1);
  return row;
}

/** The contract as seen by one of its two parties; anyone else is told it does not exist. */
export async function contractForParty(ctx: DomainContext, contractId: string, userId: string): Promise<ContractAccess> {
  const row = await loadContractWithProject(ctx, contractId);
  const role = row ? partyRole(row.contract, userId) : null;
  if (!row || !role) throw contractNotFound();
  return { contract: row.contract, projectBudgetType: row.budgetType, projectTitle: row.title, role };
}

const ROLE_ACTIONS: Record<PartyRole, string> = { client: "the client", freelancer: "the freelancer" };

/** The right contract but the wrong side of it: 403, naming who may do it. */
export function requireParty(access: { role: PartyRole }, role: PartyRole, action: string): void {
  if (access.role !== role) throw new AppError(403, "wrong_party", `Only ${ROLE_ACTIONS[role]} can ${action}.`);
}

/** Anything that can write to the ledger needs a confirmed email address. */
export function requireMoneyReady(actor: User): void {
  requireVerifiedEmail(actor);
}
