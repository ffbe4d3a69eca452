import { z } from "zod";
import { TAX_STATUSES } from "../../../db/schema/values";
import { CANADIAN_PROVINCES, EU_COUNTRIES } from "../tax/rates";
import { normalVatNumber, vatPrefix } from "../tax/vat-numbers";

const optionalText = (max: number, message: string) => z.string().trim().max(max, { message }).nullable().optional();
const blank = (value: string | null | undefined) => !value?.trim();

/**
 * What a person wants printed on the invoices issued to them from now on; blank fields clear. The country,
 * the business or personal status and the tax ID also decide the VAT or GST on the platform's fee: an EU
 * business needs a VAT number well-formed for its country, and a Canadian province picks GST or HST.
 */
export const billingDetailsInput = z
  .object({
    legalName: optionalText(200, "Keep the name under 200 characters."),
    taxId: optionalText(64, "Keep the tax ID under 64 characters."),
    address: optionalText(500, "Keep the address under 500 characters."),
    country: z
      .string()
      .trim()
      .regex(/^([A-Za-z]{2})?$/, { message: "Use a two-letter country code like DE." })
      .nullable()
      .optional(),
    taxStatus: z
      .union([z.enum(TAX_STATUSES, { message: "Choose business or personal." }), z.literal("")])
      .nullable()
      .optional(),
    province: z
      .string()
      .trim()
      .regex(/^([A-Za-z]{2})?$/, { message: "Use a two-letter province code like ON." })
      .nullable()
      .optional(),
  })
  .superRefine((input, issue) => {
    const country = input.country?.toUpperCase() ?? "";
    if (!blank(input.province)) {
      if (country !== "CA") issue.addIssue({ code: "custom", path: ["province"], message: "A province is only kept for Canada." });
      else if (!(CANADIAN_PROVINCES as readonly string[]).includes(input.province!.toUpperCase()))
        issue.addIssue({ code: "custom", path: ["province"], message: "Use a Canadian province or territory code like ON." });
    }
    if (input.taxStatus === "business" && EU_COUNTRIES.has(country) && !blank(input.taxId) && !normalVatNumber(country, input.taxId!)) {
      issue.addIssue({
        code: "custom",
        path: ["taxId"],
        message: `This is not a well-formed VAT number for ${country} (it starts ${vatPrefix(country)}). Leave it blank to be charged VAT.`,
      });
    }
  });
export type BillingDetailsChange = z.infer<typeof billingDetailsInput>;
