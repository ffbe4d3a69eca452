/** What else a lived-in account has: a portfolio, saved freelancers and projects, a support ticket, read news. */
import { and, eq, lt } from "drizzle-orm";
import { notifications, projects } from "../../schema";
import { saveFreelancer, saveProject } from "../../../worker/domain/favorites/favorites";
import { markNotificationRead } from "../../../worker/domain/notifications/center";
import { addPortfolioItem } from "../../../worker/domain/profiles/portfolio";
import { setProfilePhoto } from "../../../worker/domain/profiles/photo";
import { openTicket, replyToTicket } from "../../../worker/domain/support/tickets";
import type { Cast } from "./cast";
import { DAY_MS, type StoryContext } from "./context";
import { portraitPng, wireframePng } from "./files";
import type { Moment } from "./hire";
import { upload } from "./talk";

export async function portfolio(s: StoryContext, cast: Cast): Promise<void> {
  const { freelancer } = cast;
  const items = [
    {
      at: [120, 10] as Moment,
      colours: [
        [14, 116, 144],
        [21, 128, 61],
        [180, 83, 9],
      ] as Array<[number, number, number]>,
      title: "Northwind Outfitters: marketing site",
      description: "A slow WordPress site rebuilt in React and TypeScript: Lighthouse performance on phones went from 41 to 96.",
      link: "https://northwind.example/",
      skills: ["React", "TypeScript", "Tailwind CSS"],
    },
    {
      at: [110, 10] as Moment,
      colours: [
        [190, 18, 60],
        [79, 70, 229],
      ] as Array<[number, number, number]>,
      title: "Fabrikam Studio: design system",
      description: "Forty documented components with dark mode and accessible colour contrast, used across four products.",
      link: null,
      skills: ["React", "Figma"],
    },
  ];
  for (const item of items) {
    await s.at(...item.at);
    const images = [];
    for (const [index, colour] of item.colours.entries()) {
      images.push(
        await upload(s, freelancer, {
          name: `${item.title.split(":")[0]} ${index + 1}.png`,
          bytes: () => wireframePng(480, 320, colour),
        }),
      );
    }
    await addPortfolioItem(s.ctx, freelancer.user, {
      title: item.title,
      description: item.description,
      link: item.link,
      skills: item.skills,
      imageKeys: images.map((i) => i.key),
    });
  }
}

/** Generated portraits for the demo people, so faces show in lists, proposals and the account menu. */
export async function photos(s: StoryContext, cast: Cast): Promise<void> {
  await s.at(125, 9);
  const people = [
    { viewer: cast.freelancer, colours: { backdrop: [191, 219, 254], skin: [224, 172, 105], hair: [59, 36, 22], shirt: [15, 118, 110] } },
    {
      viewer: cast.otherFreelancers[0],
      colours: { backdrop: [254, 215, 170], skin: [141, 85, 36], hair: [20, 20, 20], shirt: [67, 56, 202] },
    },
    {
      viewer: cast.otherFreelancers[1],
      colours: { backdrop: [187, 247, 208], skin: [255, 219, 172], hair: [180, 120, 40], shirt: [190, 24, 93] },
    },
  ] as const;
  for (const { viewer, colours } of people) {
    await setProfilePhoto(s.ctx, s.bucket, viewer.user, portraitPng(256, colours as never));
  }
}

export async function favourites(s: StoryContext, cast: Cast, openProjectIds: string[]): Promise<void> {
  await s.at(12, 10);
  await saveFreelancer(s.ctx, cast.client.user, cast.freelancer.user.id);
  await saveFreelancer(s.ctx, cast.client.user, cast.otherFreelancers[0].user.id);
  await s.at(6, 18);
  for (const id of openProjectIds) await saveProject(s.ctx, cast.freelancer.user, id);
}

/** A few open projects of the market that fit Frankie's skills, for the saved list. */
export async function projectsWorthSaving(s: StoryContext): Promise<string[]> {
  const rows = await s.ctx.db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.status, "open"), eq(projects.categorySlug, "web-development"), eq(projects.visibility, "public")))
    .orderBy(projects.title)
    .limit(3);
  return rows.map((r) => r.id);
}

export async function supportTicket(s: StoryContext, cast: Cast): Promise<void> {
  await s.at(10, 9);
  const { ticket } = await openTicket(s.ctx, cast.client.user, {
    category: "payments",
    subject: "Can invoices show our VAT number?",
    description: "Our accountant needs our VAT number on every invoice. Where can I add it?",
  });
  await s.at(10, 13);
  await replyToTicket(s.ctx, cast.admin.user, ticket.id, {
    body: "Hello Casey, add it under Settings, Billing details: every invoice issued after that shows it. Older invoices keep what they had.",
  });
}

/** People read their news: everything older than a few days is read; the latest stays new. */
export async function readOldNews(s: StoryContext, cast: Cast): Promise<void> {
  await s.at(0, 0);
  const cutoff = new Date(s.now.getTime() - 4 * DAY_MS);
  for (const person of [cast.client, cast.freelancer]) {
    const old = await s.ctx.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, person.user.id), lt(notifications.createdAt, cutoff)));
    for (const n of old) await markNotificationRead(s.ctx, person.user.id, n.id);
  }
}
