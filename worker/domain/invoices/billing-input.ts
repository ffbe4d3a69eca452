import { z } from "zod";

const optionalText = (max: number, message: string) => z.string().trim().max(max, { message }).nullable().optional();

/** What a person wants printed on the invoices issued to them from now on; blank fields clear. */
export const billingDetailsInput = z.object({
  legalName: optionalText(200, "Keep the name under 200 characters."),
  taxId: optionalText(64, "Keep the tax ID under 64 characters."),
  address: optionalText(500, "Keep the address under 500 characters."),
  country: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{2})?$/, { message: "Use a two-letter country code like DE." })
    .nullable()
    .optional(),
});
export type BillingDetailsChange = z.infer<typeof billingDetailsInput>;
