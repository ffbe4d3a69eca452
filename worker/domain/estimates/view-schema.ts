import { z } from "zod";
import type { SameShape } from "../shared/views";
import type { RateEstimate } from "./freelancer-rate";
import type { Estimate } from "./project-price";

const range = { low: z.number().int(), median: z.number().int(), high: z.number().int(), currency: z.string(), confidence: z.number() };
/** Too few comparables to say anything: the message says so. */
const notEnoughDataSchema = z.object({
  enoughData: z.literal(false),
  currency: z.string(),
  message: z.string(),
  basedOn: z.object({ count: z.number().int() }),
});

/** A project's price range from comparable contracted and posted projects, with a sample of them. */
export const priceEstimateViewSchema = z.discriminatedUnion("enoughData", [
  z.object({
    enoughData: z.literal(true),
    ...range,
    basedOn: z.object({
      count: z.number().int(),
      contracts: z.number().int(),
      postedProjects: z.number().int(),
      sample: z.array(z.object({ id: z.string(), title: z.string(), source: z.enum(["contract", "budget"]) })),
    }),
  }),
  notEnoughDataSchema,
]);

/** What freelancers comparable to this one charge per hour. */
export const rateEstimateViewSchema = z.discriminatedUnion("enoughData", [
  z.object({
    enoughData: z.literal(true),
    ...range,
    basedOn: z.object({ count: z.number().int(), sharedSkills: z.number().int(), yearsOfExperience: z.number() }),
  }),
  notEnoughDataSchema,
]);

export const priceEstimateShape: SameShape<Estimate, z.infer<typeof priceEstimateViewSchema>> = true;
export const rateEstimateShape: SameShape<RateEstimate, z.infer<typeof rateEstimateViewSchema>> = true;
