/** What the two sides of a finished contract in the demo market wrote about each other, and why it ended. */
import { pick, sample, type Rng } from "./market-random";

export interface ReviewTopic {
  /** The freelancer's or the client's first name, as the other side would write it. */
  name: string;
  /** What was delivered, e.g. "booking system". */
  thing: string;
  /** One of the project's skills. */
  skill: string;
}

const CLIENT_SAYS: Record<1 | 2 | 3 | 4 | 5, Array<(t: ReviewTopic) => string>> = {
  5: [
    (t) => `${t.name} delivered the ${t.thing} ahead of schedule and explained every decision. We will hire again.`,
    (t) => `Excellent ${t.skill} work: clear communication, a clean handover and no surprises.`,
    (t) => `Our ${t.thing} is live and our customers noticed the difference. ${t.name} was a pleasure to work with.`,
    () => "Fast, careful and honest about trade-offs. We already have the next project lined up.",
    (t) => `Exactly the ${t.thing} we asked for, plus a few good ideas we had not thought of.`,
    (t) => `${t.name} asked the right questions in the first call and the rest went smoothly.`,
    (t) => `Our second project with ${t.name}, and just as good as the first. The ${t.thing} was spot on.`,
    (t) => `Strong ${t.skill} skills and very easy to work with. Every update came before we had to ask.`,
    () => "Professional from start to finish: clear plan, steady progress and a tidy handover.",
    (t) => `The ${t.thing} came in on budget and with notes our team can actually follow.`,
  ],
  4: [
    (t) => `Good ${t.skill} work and steady updates. A couple of small fixes after delivery, handled quickly.`,
    (t) => `${t.name} knows ${t.skill} well. It took a little longer than planned, but the result is solid.`,
    (t) => `A solid ${t.thing}. Updates could have been a bit more frequent.`,
    () => "Reliable and friendly. We would work together again on the next phase.",
    (t) => `Did what we agreed on the ${t.thing}, and documented it well.`,
    (t) => `Good result on the ${t.thing}; we needed one extra round of changes at the end.`,
    (t) => `${t.name} is clearly experienced with ${t.skill}. Planning the weeks ahead could be tighter.`,
  ],
  3: [
    (t) => `The ${t.thing} works, but it needed more rounds of feedback than we expected.`,
    (t) => `Decent ${t.skill} skills; the deadline slipped twice and we had to chase updates.`,
    () => "We got there in the end: good technical knowledge, slower communication.",
    (t) => `${t.name} delivered the ${t.thing}, though we had to write a clearer brief halfway through.`,
  ],
  2: [
    (t) => `The deadline was missed and parts of the ${t.thing} had to be redone by our own team.`,
    () => "Communication was difficult and the result needed a lot of fixing.",
  ],
  1: [(t) => `We stopped after the first delivery: the ${t.thing} did not work as agreed.`],
};

const FREELANCER_SAYS: Record<3 | 4 | 5, Array<(t: ReviewTopic) => string>> = {
  5: [
    (t) => `Clear brief, quick answers and prompt payment. Happy to work with ${t.name} again.`,
    (t) => `${t.name} knew what they wanted and gave feedback within a day. A great client.`,
    () => "A well-organised project with realistic deadlines. Payment was on time.",
    () => "Friendly team, useful feedback and a fair scope. Recommended.",
    (t) => `Working on the ${t.thing} was easy: access to everything on day one and decisions made fast.`,
    (t) => `${t.name} answered questions quickly and paid the same day the work was approved.`,
    () => "Respectful, organised and clear about priorities. I hope to work together again.",
  ],
  4: [
    () => "A good client overall; the scope grew a little along the way, but we agreed on it together.",
    (t) => `Helpful and responsive, though feedback on the ${t.thing} sometimes took a few days.`,
    () => "Paid on time; the requirements changed a few times mid-project.",
  ],
  3: [() => "The requirements changed often and decisions took a while, but payment was fine."],
};

/** One of the templates' texts, preferably one not in `said` (a profile never repeats itself word for word). */
function fresh(rng: Rng, templates: Array<(t: ReviewTopic) => string>, topic: ReviewTopic, said = new Set<string>()): string {
  const texts = sample(rng, templates, templates.length).map((t) => t(topic));
  const text = texts.find((t) => !said.has(t)) ?? texts[0];
  said.add(text);
  return text;
}

export function clientReviewText(rng: Rng, rating: number, topic: ReviewTopic, said: Set<string>): string {
  return fresh(rng, CLIENT_SAYS[Math.min(5, Math.max(1, rating)) as 1 | 2 | 3 | 4 | 5], topic, said);
}

export function freelancerReviewText(rng: Rng, rating: number, topic: ReviewTopic): string {
  return fresh(rng, FREELANCER_SAYS[Math.min(5, Math.max(3, rating)) as 3 | 4 | 5], topic);
}

/** The reason the client gave when ending the contract. */
export function endReasonText(rng: Rng, hourly: boolean): string {
  return pick(
    rng,
    hourly
      ? [
          "The work we planned is done. Thank you!",
          "Wrapping up: everything on our list is finished.",
          "Done for now, thanks for the help.",
        ]
      : ["Delivered and approved.", "All done, thank you!", "Everything we agreed is delivered.", "Project finished."],
  );
}
