import { z } from "zod";
import { toMinorUnits } from "../currency/minor-units";
import { amountSchema, dateSchema } from "./input";
import { MAX_AMOUNT_MINOR } from "../contract-core/terms";
import { weeklyHourLimit } from "../contract-core/terms-input";
import { MILESTONE_TITLE_MAX, milestoneTitle } from "../milestones/inputs";

/** The rules of an offer, shared by the API (minor units) and the offer form (amounts typed in major units). */
export const MAX_OFFER_MILESTONES = 20;
export const OFFER_TITLE_MAX = 200;
export const OFFER_MESSAGE_MAX = 5000;

const title = z
  .string({ error: "Give the offer a title." })
  .trim()
  .min(1, "Give the offer a title.")
  .max(OFFER_TITLE_MAX, `Use at most ${OFFER_TITLE_MAX} characters.`);
const message = z.string().trim().max(OFFER_MESSAGE_MAX, `Use at most ${OFFER_MESSAGE_MAX} characters.`);
const startDate = dateSchema;

const milestonesSchema = z
  .array(z.object({ title: milestoneTitle, amount: amountSchema, dueDate: dateSchema.nullable().optional() }))
  .min(1, "Add at least one milestone.")
  .max(MAX_OFFER_MILESTONES, `At most ${MAX_OFFER_MILESTONES} milestones.`)
  .refine((list) => list.reduce((sum, m) => sum + m.amount, 0) <= MAX_AMOUNT_MINOR, "The milestones add up to too much.");

/** `POST /api/proposals/{id}/offer`: a fixed price paid by milestones, or an hourly rate with a weekly limit. */
export const offerInputSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("fixed"),
    title,
    milestones: milestonesSchema,
    startDate,
    message: message.optional(),
  }),
  z.object({
    type: z.literal("hourly"),
    title,
    hourlyRate: amountSchema,
    weeklyHourLimit,
    startDate,
    message: message.optional(),
  }),
]);
export type OfferInput = z.infer<typeof offerInputSchema>;

/** The price of an offer: the milestones' sum, or the hourly rate. */
export function offerAmount(offer: OfferInput): number {
  return offer.type === "fixed" ? offer.milestones.reduce((sum, m) => sum + m.amount, 0) : offer.hourlyRate;
}

function majorAmount(currency: string, label: string) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(20, "That amount is too long.")
    .transform((text, ctx) => {
      const minor = toMinorUnits(text, currency);
      if (minor === null || minor < 1) {
        ctx.addIssue({ code: "custom", message: `Enter a positive amount in ${currency}, like 250 or 250.50.` });
        return z.NEVER;
      }
      return minor;
    })
    .pipe(amountSchema);
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The offer form's fields as typed (the form's constraints come from these). */
export const offerFormFields = z.object({
  title,
  type: z.enum(["fixed", "hourly"], { error: "Choose fixed price or hourly." }),
  milestones: z
    .array(
      z.object({
        title: z.string().trim().max(MILESTONE_TITLE_MAX).optional(),
        amount: z.string().trim().max(20).optional(),
        dueDate: z.preprocess(blankToUndefined, dateSchema.optional()),
      }),
    )
    .max(MAX_OFFER_MILESTONES)
    .optional(),
  hourlyRate: z.string().trim().max(20).optional(),
  weeklyHourLimit: z.string().trim().max(5).optional(),
  startDate: z.string({ error: "Pick a start date." }).pipe(startDate),
  message: message.optional(),
});

/**
 * The offer form: the same offer, typed in major units of the project's currency. Both the fixed and the hourly
 * fields are on the page; only the chosen type's fields are read.
 */
export function offerFormSchema(currency: string) {
  return offerFormFields.transform((form, ctx): OfferInput => {
    if (form.type === "hourly") {
      const rate = majorAmount(currency, "the hourly rate").safeParse(form.hourlyRate ?? "");
      if (!rate.success) ctx.addIssue({ code: "custom", path: ["hourlyRate"], message: rate.error.issues[0].message });
      const limit = weeklyHourLimit.safeParse(form.weeklyHourLimit ? Number(form.weeklyHourLimit) : undefined);
      if (!limit.success) ctx.addIssue({ code: "custom", path: ["weeklyHourLimit"], message: limit.error.issues[0].message });
      if (!rate.success || !limit.success) return z.NEVER;
      const { title: t, startDate: s, message: m } = form;
      return { type: "hourly", title: t, hourlyRate: rate.data, weeklyHourLimit: limit.data, startDate: s, message: m };
    }
    // Rows left blank are spare rows of the form, not milestones.
    const rows = (form.milestones ?? []).map((row, index) => ({ row, index })).filter(({ row }) => row.title || row.amount);
    if (rows.length === 0) ctx.addIssue({ code: "custom", path: ["milestones"], message: "Add at least one milestone." });
    const milestones = rows.map(({ row, index }) => {
      const title = milestoneTitle.safeParse(row.title ?? "");
      if (!title.success) ctx.addIssue({ code: "custom", path: ["milestones", index, "title"], message: title.error.issues[0].message });
      const amount = majorAmount(currency, "the milestone's amount").safeParse(row.amount ?? "");
      if (!amount.success) ctx.addIssue({ code: "custom", path: ["milestones", index, "amount"], message: amount.error.issues[0].message });
      return { title: row.title ?? "", amount: amount.success ? amount.data : 0, dueDate: row.dueDate ?? null };
    });
    const { title: t, startDate: s, message: m } = form;
    return { type: "fixed", title: t, milestones, startDate: s, message: m };
  });
}
