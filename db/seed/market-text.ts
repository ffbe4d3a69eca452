/** Realistic, varied demo text composed from templates, the category's deliverables and real skill names. */
import type { CategoryProfile } from "./market-categories";
import { INDUSTRIES } from "./market-people";
import { chance, int, pick, sample, type Rng } from "./market-random";

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/** `thing`: what the project delivers, one of the category's things (drawn when not given). */
export function projectTitle(rng: Rng, profile: CategoryProfile, skills: string[], thing = pick(rng, profile.things)): string {
  const [a, b = a] = skills;
  const patterns = [
    () => `${cap(thing)} in ${a}`,
    () => `Need a ${profile.role} for our ${thing}`,
    () => `${a} expert to build a ${thing}`,
    () => `Build a ${thing} with ${a} and ${b}`,
    () => `Looking for a ${profile.role}: ${thing}`,
    () => `${cap(thing)} – ${a} help needed`,
    () => `Improve our existing ${thing}`,
    () => `Long-term ${profile.role} for ${thing} work`,
    () => `Quick ${thing} fix (${a})`,
    () => `${cap(thing)} for a ${pick(rng, INDUSTRIES)} startup`,
  ];
  return pick(rng, patterns)().slice(0, 150);
}

export function projectDescription(
  rng: Rng,
  input: { profile: CategoryProfile; skills: string[]; company: string; city: string; weeks: number; thing?: string },
): string {
  const { profile, skills, company, city } = input;
  const industry = pick(rng, INDUSTRIES);
  const thing = input.thing ?? pick(rng, profile.things);
  const intro = pick(rng, [
    `We are ${company}, a ${industry} company based in ${city}.`,
    `I run a small ${industry} business in ${city} and need outside help.`,
    `Our ${industry} startup in ${city} is growing faster than our team.`,
    `${company} works with ${industry} customers across ${city} and beyond.`,
  ]);
  const goal = pick(rng, [
    `We need a ${thing} built with ${list(skills.slice(0, 3))}.`,
    `The goal is a ${thing} that our customers actually enjoy using.`,
    `We already tried doing the ${thing} in-house and want an experienced ${profile.role} to take it over.`,
    `This is the first phase of a bigger plan; the ${thing} comes first.`,
  ]);
  const needs = sample(rng, skills, Math.min(skills.length, 3)).map((s) =>
    pick(rng, [
      `Solid experience with ${s}`,
      `${s} work you can show us`,
      `Comfort with ${s} in production`,
      `Clean, documented ${s} deliverables`,
    ]),
  );
  if (chance(rng, 0.6))
    needs.push(
      pick(rng, [
        "Weekly progress updates",
        "Good written English",
        "Overlap of a few hours with our time zone",
        "A short call before starting",
      ]),
    );
  const timeline = pick(rng, [
    `We would like to start next week and finish within ${input.weeks} weeks.`,
    `There is no hard deadline, but about ${input.weeks} weeks feels right.`,
    `Timeline: roughly ${input.weeks} weeks, with a first version to review halfway.`,
  ]);
  const closing = pick(rng, [
    "Please include examples of similar work in your proposal.",
    "Tell us how you would approach this and what you need from us.",
    "Proposals that mention the first step you would take get read first.",
    "Happy to answer questions before you send a proposal.",
  ]);
  return `${intro} ${goal}\n\nWhat we need:\n${needs.map((n) => `- ${n}`).join("\n")}\n\n${timeline} ${closing}`;
}

export function freelancerHeadline(rng: Rng, profile: CategoryProfile, skills: string[]): string {
  const [a, b = a, c = b] = skills;
  return pick(rng, [
    `${cap(profile.role)} | ${a}, ${b} & ${c}`,
    `${a} specialist – ${profile.role}`,
    `Senior ${profile.role} (${a} / ${b})`,
    `${cap(profile.role)} who ships: ${a} and ${b}`,
  ]).slice(0, 120);
}

export function freelancerBio(rng: Rng, input: { profile: CategoryProfile; skills: string[]; city: string; years: number }): string {
  const { profile, skills, city, years } = input;
  const intro = `I am a ${profile.role} from ${city} with ${years} years of experience in ${list(skills.slice(0, 3))}.`;
  const highlight = pick(rng, [
    `Recently I delivered a ${pick(rng, profile.things)} for a ${pick(rng, INDUSTRIES)} client, on time and on budget.`,
    `Most of my clients come back: I have worked on ${int(rng, 5, 60)} projects like ${pick(rng, profile.things)} so far.`,
    `Before freelancing I spent ${int(rng, 2, 8)} years on an in-house ${pick(rng, INDUSTRIES)} team.`,
  ]);
  const style = pick(rng, [
    "I keep you updated every few days and never disappear mid-project.",
    "I like clear scopes, short feedback loops and written summaries after each call.",
    "I work async-first and overlap with European and US hours.",
  ]);
  return `${intro} ${highlight} ${style}`;
}

export function coverLetterText(
  rng: Rng,
  input: { projectTitle: string; skills: string[]; days: number; weeklyHours?: number | null; name: string; years: number },
): string {
  const { projectTitle, skills, days, weeklyHours, name, years } = input;
  const greeting = pick(rng, ["Hi there,", "Hello,", "Hi,", "Good day,"]);
  const opener = pick(rng, [
    `I read your post "${projectTitle}" and it is exactly the kind of work I do every week.`,
    `Your project "${projectTitle}" caught my eye because I finished something very similar last month.`,
    `I would love to help with "${projectTitle}".`,
  ]);
  const fit = pick(rng, [
    `I have ${years} years with ${list(skills.slice(0, 2))}, and I can share two recent examples on request.`,
    `My main tools are ${list(skills.slice(0, 3))}; I have used them on ${int(rng, 4, 40)} client projects.`,
    `${skills[0] ?? "This stack"} is my daily work, and I know the usual pitfalls well.`,
  ]);
  const plan = pick(rng, [
    `My plan: a short kick-off call, a first draft within ${Math.max(1, Math.round(days / 3))} days, then two rounds of feedback.`,
    `I would start by reviewing what you have, agree on the scope in writing, and deliver in small steps you can check.`,
    `First I would clarify the must-haves, then build the core, then polish and hand over with notes.`,
  ]);
  const timeline = weeklyHours ? `I can give this ${weeklyHours} hours a week.` : `I estimate ${days} days in total.`;
  const closing = pick(rng, [`Best regards, ${name}`, `Thanks for reading, ${name}`, `Looking forward to hearing from you. ${name}`]);
  return `${greeting} ${opener} ${fit} ${plan} ${timeline}\n\n${closing}`;
}
