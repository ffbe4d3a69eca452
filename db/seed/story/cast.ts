/** Who the demo story is about: the three demo accounts and a few people of the seeded market. */
import { asc, eq, like } from "drizzle-orm";
import { clientProfiles, freelancerProfiles, users, type User } from "../../schema";
import { createSession, type Viewer } from "../../../worker/domain/auth/sessions";
import type { StoryContext } from "./context";

export interface Cast {
  client: Viewer;
  freelancer: Viewer;
  admin: Viewer;
  /** Market freelancers: one takes the demo client's open offer, one is in a dispute with them. */
  otherFreelancers: [Viewer, Viewer];
  /** Market clients: one sends the demo freelancer an open offer, one had a dispute with them that an admin decided. */
  otherClients: [Viewer, Viewer];
}

async function byEmail(s: StoryContext, email: string): Promise<User> {
  const [user] = await s.ctx.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`the demo story needs the account ${email}`);
  return user;
}

/** A person signs in (a past session of theirs), which the domain functions that act "as a viewer" need. */
async function signedIn(s: StoryContext, user: User): Promise<Viewer> {
  const { session } = await createSession(s.ctx, { userId: user.id, kind: "web", mfaVerified: false, meta: { userAgent: "Demo story" } });
  return { user, session };
}

/** Market people are chosen by e-mail, which the market seed makes the same on every run. */
async function marketPeople(s: StoryContext, role: "client" | "freelancer", count: number): Promise<User[]> {
  const profiles = role === "client" ? clientProfiles : freelancerProfiles;
  const rows = await s.ctx.db
    .select({ user: users })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(like(users.email, "%@market.test"))
    .orderBy(asc(users.email))
    .limit(count);
  return rows.map((r) => r.user);
}

export async function gatherCast(s: StoryContext): Promise<Cast> {
  const [client, freelancer, admin] = await Promise.all(
    ["client@demo.test", "freelancer@demo.test", "admin@demo.test"].map((email) => byEmail(s, email)),
  );
  const freelancers = await marketPeople(s, "freelancer", 2);
  const clients = await marketPeople(s, "client", 2);
  if (freelancers.length < 2 || clients.length < 2) throw new Error("the demo story needs the market seeded first");
  return {
    client: await signedIn(s, client),
    freelancer: await signedIn(s, freelancer),
    admin: await signedIn(s, admin),
    otherFreelancers: [await signedIn(s, freelancers[0]), await signedIn(s, freelancers[1])],
    otherClients: [await signedIn(s, clients[0]), await signedIn(s, clients[1])],
  };
}
