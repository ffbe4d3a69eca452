/** Casey pays Frankie by the hour for website care: two weeks approved and paid, last week waiting, this week open. */
import { addManualEntry } from "../../../worker/domain/hourly/entries";
import { approveTimesheet } from "../../../worker/domain/hourly/approve";
import { submitTimesheet } from "../../../worker/domain/hourly/timesheets";
import { utcDate, weekStartOf } from "../../../worker/domain/time/weeks";
import type { Cast } from "./cast";
import type { StoryContext } from "./context";
import { accept, offer, postAndPropose } from "./hire";
import { converse } from "./talk";

const WORK = [
  "Updated dependencies and fixed two layout bugs on phones",
  "Set up uptime alerts and a weekly backup check",
  "Improved image loading on the case studies pages",
  "Added the new team members to the about page",
  "Investigated slow contact form submissions",
  "Security headers and a content security policy",
];

export async function websiteCare(s: StoryContext, cast: Cast): Promise<string> {
  const { client, freelancer } = cast;
  const { proposalId } = await postAndPropose(
    s,
    client,
    freelancer,
    {
      at: [31, 9],
      input: {
        title: "Ongoing care for our website",
        description:
          "A few hours a week of maintenance for our new site: updates, small fixes, content changes and keeping an eye on speed and uptime. Weekly timesheets, up to ten hours a week.",
        category: "web-development",
        skills: ["React", "JavaScript"],
        budgetType: "hourly",
        budgetMin: 5000,
        budgetMax: 8000,
        currency: "USD",
        duration: "more_than_6_months",
        experienceLevel: "intermediate",
      },
    },
    {
      at: [30, 12],
      input: {
        coverLetter:
          "Glad to keep looking after the site I built. I would log time against clear notes each day, keep to ten hours a week unless you ask for more, and send a short summary with every weekly timesheet so you always know what changed.",
        bidAmount: 6500,
        weeklyHours: 10,
      },
    },
  );
  const { contractId } = await offer(s, client, proposalId, [29, 9], {
    type: "hourly",
    hourlyRate: 6500,
    weeklyHourLimit: 10,
    startDate: utcDate(new Date(s.now.getTime() - 29 * 86_400_000)),
  });
  await accept(s, freelancer, contractId, [29, 11]);

  // Days since this week's Monday: weeks back are counted from it.
  const sinceMonday = (s.now.getUTCDay() + 6) % 7;
  const log = async (daysAgo: number, minutes: number, memo: string) => {
    const date = utcDate(await s.at(daysAgo, 18));
    await addManualEntry(s.ctx, freelancer.user, contractId, { date, minutes, memo });
  };
  s.fork(() =>
    converse(s, freelancer, client, { contractId }, [
      { from: freelancer, at: [29, 12], body: "Thanks! I will log time daily and submit each Monday." },
      { from: client, at: [sinceMonday + 4, 10], body: "Could you also add the two new team members to the about page?" },
      { from: freelancer, at: [sinceMonday + 4, 16], body: "Done, they are live; it is in today's time." },
      {
        from: freelancer,
        at: [sinceMonday, 9, 5],
        body: "Last week's timesheet is in: security headers and the contact form investigation.",
      },
    ]),
  );
  const weeks = [
    { back: 3, days: [0, 1, 3], minutes: [150, 120, 180], approved: true },
    { back: 2, days: [0, 2, 4], minutes: [120, 180, 90], approved: true },
    { back: 1, days: [1, 3], minutes: [150, 120], approved: false },
  ];
  // One thread per week: its hours, its timesheet on the next Monday and, for older weeks, the approval a day later.
  weeks.forEach((week, w) =>
    s.fork(async () => {
      const monday = sinceMonday + 7 * week.back;
      for (let i = 0; i < week.days.length; i++) await log(monday - week.days[i], week.minutes[i], WORK[(w * 3 + i) % WORK.length]);
      await s.at(monday - 7, 9);
      const sheet = await submitTimesheet(s.ctx, freelancer.user, contractId, weekStartOf(utcDate(s.moment(monday, 12))));
      if (!week.approved) return;
      await s.at(monday - 8, 10);
      await approveTimesheet(s.ctx, client.user, sheet.id, { provider: "sandbox" });
    }),
  );
  // This week so far: yesterday's work, or today's when today is Monday.
  await log(Math.max(0, sinceMonday - 1), 90, WORK[WORK.length - 1]);
  return contractId;
}
