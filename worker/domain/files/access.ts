import { and, eq } from "drizzle-orm";
import { contracts, conversationMembers, files, proposals, projects, supportTickets, type StoredFile, type User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { canSeeProject } from "../projects/access";

const isAdmin = (viewer: User | null) => viewer?.roles.includes("admin") ?? false;

/**
 * Who may read an uploaded file: its owner; anyone for portfolio images; otherwise only the members of what it
 * is attached to: a conversation's two members, a contract's parties (and admins, who decide disputes), a
 * proposal's freelancer and the project's client, whoever may see a project, a ticket's requester and support
 * staff. A file attached nowhere is its owner's alone.
 */
export async function mayReadFile(ctx: DomainContext, viewer: User | null, file: StoredFile): Promise<boolean> {
  if (file.scope === "public") return true;
  if (viewer && file.ownerId === viewer.id) return true;
  const id = file.scopeId;
  if (!id) return false;
  if (file.scope === "project") return mayReadProjectFile(ctx, viewer, id);
  if (!viewer) return false;
  switch (file.scope) {
    case null:
      return false;
    case "conversation": {
      const [member] = await ctx.db
        .select({ userId: conversationMembers.userId })
        .from(conversationMembers)
        .where(and(eq(conversationMembers.conversationId, id), eq(conversationMembers.userId, viewer.id)))
        .limit(1);
      return Boolean(member);
    }
    case "contract": {
      const [contract] = await ctx.db
        .select({ clientId: contracts.clientId, freelancerId: contracts.freelancerId })
        .from(contracts)
        .where(eq(contracts.id, id))
        .limit(1);
      return Boolean(contract) && (contract.clientId === viewer.id || contract.freelancerId === viewer.id || isAdmin(viewer));
    }
    case "proposal": {
      const [row] = await ctx.db
        .select({ freelancerId: proposals.freelancerId, clientId: projects.clientId })
        .from(proposals)
        .innerJoin(projects, eq(projects.id, proposals.projectId))
        .where(eq(proposals.id, id))
        .limit(1);
      return Boolean(row) && (row.freelancerId === viewer.id || row.clientId === viewer.id || isAdmin(viewer));
    }
    case "ticket": {
      const [ticket] = await ctx.db
        .select({ userId: supportTickets.userId })
        .from(supportTickets)
        .where(eq(supportTickets.id, id))
        .limit(1);
      return Boolean(ticket) && (ticket.userId === viewer.id || isAdmin(viewer));
    }
    default:
      return file.scope satisfies never;
  }
}

/** A project's attachments are readable wherever the project is: public ones by anyone, invite-only by the invited. */
async function mayReadProjectFile(ctx: DomainContext, viewer: User | null, projectId: string): Promise<boolean> {
  const project = await ctx.db.query.projects.findFirst({ where: eq(projects.id, projectId) });
  if (!project) return false;
  if (isAdmin(viewer) || project.clientId === viewer?.id) return true;
  return !project.hiddenAt && (await canSeeProject(ctx, project, viewer?.id ?? null));
}

/** The file's record when the viewer may read it; otherwise null, the same answer as for a key that does not exist. */
export async function readableFile(ctx: DomainContext, viewer: User | null, key: string): Promise<StoredFile | null> {
  const file = await ctx.db.query.files.findFirst({ where: eq(files.key, key) });
  if (!file) return null;
  return (await mayReadFile(ctx, viewer, file)) ? file : null;
}
