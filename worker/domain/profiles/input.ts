import { z } from "zod";
import { COMPANY_SIZES } from "../../../db/schema/values";
import { amountSchema } from "../projects/input";
import { languageListSchema } from "./languages";

export const MAX_PROFILE_SKILLS = 30;
export const MAX_PORTFOLIO_ITEMS = 50;
export const MAX_PORTFOLIO_IMAGES = 8;
export const RESERVED_HANDLES = new Set(["me", "admin", "api", "new", "search", "settings", "support", "megilance", "help"]);

const skillEntry = z.union([
  z.string().trim().min(1).max(64),
  z.object({
    skill: z.string().trim().min(1).max(64).optional(),
    slug: z.string().trim().min(1).max(64).optional(),
    name: z.string().trim().min(1).max(64).optional(),
    years: z.number().int().min(0).max(60).optional(),
  }),
]);

export const MAX_CERTIFICATIONS = 20;
export const MAX_EDUCATION = 10;
const year = z
  .number("Enter a year.")
  .int("Enter a whole year.")
  .min(1950, "Enter a year from 1950 on.")
  .max(2100, "Enter a year before 2100.");

export const certificationSchema = z.object({
  name: z.string().trim().min(1, "Name the certification.").max(120, "Use at most 120 characters."),
  issuer: z.string().trim().min(1, "Name who issued it.").max(120, "Use at most 120 characters."),
  year,
  url: z
    .url("Enter a full link, like https://example.com.")
    .max(500)
    .refine((u) => /^https?:\/\//i.test(u), "Use an http or https link.")
    .optional(),
});

export const educationSchema = z
  .object({
    school: z.string().trim().min(1, "Name the school.").max(120, "Use at most 120 characters."),
    degree: z.string().trim().min(1, "Name the degree or course.").max(120, "Use at most 120 characters."),
    field: z.string().trim().min(1).max(120, "Use at most 120 characters.").optional(),
    startYear: year.optional(),
    endYear: year.optional(),
  })
  .refine((e) => e.startYear === undefined || e.endYear === undefined || e.startYear <= e.endYear, {
    message: "The end year cannot be before the start year.",
    path: ["endYear"],
  });

export const freelancerProfileSchema = z.object({
  handle: z
    .string()
    .trim()
    .min(3, "Use at least 3 characters.")
    .max(30)
    .regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?$/, "Use letters, digits, - and _ only."),
  headline: z.string().trim().min(5, "Write a headline of at least 5 characters.").max(120),
  bio: z.string().trim().max(5000).optional(),
  skills: z.array(skillEntry).max(MAX_PROFILE_SKILLS).optional(),
  hourlyRate: amountSchema.nullable().optional(),
  currency: z.string().trim().length(3).optional(),
  availabilityHoursPerWeek: z.number().int().min(0).max(168).nullable().optional(),
  timezone: z.string().trim().min(1).max(64).optional(),
  /** Replaces the whole list when given: [{code, level}], code an ISO 639-1 code or English name. */
  languages: languageListSchema.optional(),
  country: z.string().trim().length(2).nullable().optional(),
  /** Replaces the whole list when given. */
  certifications: z.array(certificationSchema).max(MAX_CERTIFICATIONS, `List at most ${MAX_CERTIFICATIONS} certifications.`).optional(),
  /** Replaces the whole list when given. */
  education: z.array(educationSchema).max(MAX_EDUCATION, `List at most ${MAX_EDUCATION} schools.`).optional(),
});
/** PUT merges: fields left out keep their value; handle and headline are needed only the first time. */
export const freelancerProfilePatchSchema = freelancerProfileSchema.partial();
export type FreelancerProfileInput = z.input<typeof freelancerProfilePatchSchema>;

export const clientProfileSchema = z.object({
  companyName: z.string().trim().min(1).max(120).nullable().optional(),
  companySize: z.enum(COMPANY_SIZES).nullable().optional(),
  country: z.string().trim().length(2).nullable().optional(),
});
export type ClientProfileInput = z.input<typeof clientProfileSchema>;

export const MAX_PORTFOLIO_SKILLS = 12;

export const portfolioItemSchema = z.object({
  title: z.string().trim().min(1, "Give the work a title.").max(120, "Use at most 120 characters."),
  description: z.string().trim().max(5000, "Use at most 5,000 characters.").optional(),
  link: z
    .url("Enter a full link, like https://example.com.")
    .max(500)
    .refine((u) => /^https?:\/\//i.test(u), "Use an http or https link.")
    .nullable()
    .optional(),
  /** Keys of images you uploaded, in the order they are shown. */
  imageKeys: z.array(z.string().min(1).max(100)).max(MAX_PORTFOLIO_IMAGES, `Show at most ${MAX_PORTFOLIO_IMAGES} images.`).optional(),
  /** Skill names or slugs from the taxonomy. */
  skills: z.array(z.string().trim().min(1).max(64)).max(MAX_PORTFOLIO_SKILLS, `Pick at most ${MAX_PORTFOLIO_SKILLS} skills.`).optional(),
  /** A project of yours on the marketplace this work came from. */
  projectId: z.string().trim().min(1).max(64).nullable().optional(),
});
export const portfolioPatchSchema = portfolioItemSchema.partial();
export type PortfolioInput = z.input<typeof portfolioItemSchema>;
export type PortfolioPatch = z.input<typeof portfolioPatchSchema>;

/** The whole portfolio's new order: every item's id, first shown first. */
export const portfolioOrderSchema = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_PORTFOLIO_ITEMS) });
export type PortfolioOrderInput = z.input<typeof portfolioOrderSchema>;
