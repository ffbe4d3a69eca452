import { and, eq, lt } from "drizzle-orm";
import { sessions } from "../../../db/schema";
import type { DomainContext } from "../context";
import type { Viewer } from "./sessions";

export type Greeting = "Welcome" | "Welcome back";

/** "Welcome" during a person's first session (the one signing up started), "Welcome back" ever after. */
export async function greetingFor(ctx: DomainContext, viewer: Viewer): Promise<Greeting> {
  const [earlier] = await ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, viewer.user.id), lt(sessions.createdAt, viewer.session.createdAt)))
    .limit(1);
  return earlier ? "Welcome back" : "Welcome";
}
