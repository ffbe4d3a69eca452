/**
 * The demo story: after the market is seeded, the demo client and freelancer (and a few market people) live
 * through three months of work, told through the same domain functions the app's pages call, so every balance,
 * invoice, rating and notification agrees with the ledger and with the rest of the UI. The same every run.
 */
import type { Db } from "../../client";
import type { FileBucket } from "../../../worker/domain/files/uploads";
import { revokeSession } from "../../../worker/domain/auth/sessions";
import { gatherCast, type Cast } from "./cast";
import { billingDetailsOfTheCast, timeZonesOfTheCast } from "./chapter-billing";
import { decidedDispute, photoDispute } from "./chapter-disputes";
import { favourites, photos, portfolio, projectsWorthSaving, readOldNews, supportTicket } from "./chapter-extras";
import { customerPortal, siteRefresh } from "./chapter-fixed";
import { callsAndMeetings } from "./chapter-meetings";
import { earlierWork, retoucherEarlierWork } from "./chapter-history";
import { websiteCare } from "./chapter-hourly";
import { offerFromClient, offerToFreelancer } from "./chapter-offers";
import { storyContext } from "./context";
import { savedSearchAlerts } from "./chapter-alerts";
import { projectsInOtherScripts } from "./chapter-scripts";

export const DEMO_STORY_SEED = 20261207;

export interface DemoStoryOptions {
  /** Where uploaded files go: the app's R2 bucket (local in `npm run dev`). */
  bucket: FileBucket;
  now?: Date;
  appOrigin?: string;
}

export async function seedDemoStory(db: Db, options: DemoStoryOptions): Promise<void> {
  const s = storyContext(db, options.bucket, {
    now: options.now ?? new Date(),
    seed: DEMO_STORY_SEED,
    appOrigin: options.appOrigin ?? "http://localhost:8787",
  });
  let cast!: Cast;
  await s.tell([
    async () => {
      await s.at(130, 9);
      cast = await gatherCast(s);
      await billingDetailsOfTheCast(s, cast);
      await timeZonesOfTheCast(s, cast);
    },
  ]);
  await s.tell([
    async () => {
      await photos(s, cast);
      await portfolio(s, cast);
    },
    () => earlierWork(s, cast),
    () => retoucherEarlierWork(s, cast),
    () => siteRefresh(s, cast),
    () => decidedDispute(s, cast),
    async () => callsAndMeetings(s, cast, await customerPortal(s, cast)),
    () => websiteCare(s, cast),
    () => photoDispute(s, cast),
    () => offerToFreelancer(s, cast),
    () => offerFromClient(s, cast),
    async () => favourites(s, cast, await projectsWorthSaving(s)),
    () => supportTicket(s, cast),
    () => savedSearchAlerts(s, cast),
    () => projectsInOtherScripts(s, cast),
    () => readOldNews(s, cast),
  ]);
  // The market people's sessions were only there to act as them; the demo accounts keep theirs as history.
  for (const person of [...cast.otherClients, ...cast.otherFreelancers]) await revokeSession(s.ctx, person.session.id);
}
