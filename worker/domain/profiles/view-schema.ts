import { z } from "zod";
import { timestampSchema, type SameShape } from "../shared/views";
import { languageViewSchema } from "./languages";
import type { ClientProfileView } from "./client";
import type { FreelancerProfileView, FreelancerSummary, PortfolioView } from "./views";

/** A freelancer as search results and saved lists show them. */
export const freelancerSummarySchema = z.object({
  userId: z.string(),
  handle: z.string(),
  name: z.string(),
  photoUrl: z.url().nullable(),
  headline: z.string(),
  bio: z.string(),
  skills: z.array(z.object({ slug: z.string(), name: z.string(), years: z.number() })),
  hourlyRate: z.number().int().nullable(),
  currency: z.string(),
  availabilityHoursPerWeek: z.number().int().nullable(),
  timezone: z.string(),
  languages: z.array(languageViewSchema),
  country: z.string().nullable(),
  rating: z.object({ average: z.number(), count: z.number().int() }),
  url: z.string(),
  memberSince: timestampSchema,
});

export const freelancerSummaryShape: SameShape<FreelancerSummary, z.infer<typeof freelancerSummarySchema>> = true;

/** A piece of work a freelancer shows, with its images. */
export const portfolioViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  images: z.array(z.object({ key: z.string(), url: z.url(), width: z.number().int().nullable(), height: z.number().int().nullable() })),
  link: z.string().nullable(),
  skills: z.array(z.object({ slug: z.string(), name: z.string() })),
  projectId: z.string().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** A certification the freelancer holds. */
export const certificationViewSchema = z.object({
  name: z.string(),
  issuer: z.string(),
  year: z.number().int(),
  url: z.string().optional(),
});

/** A school or course the freelancer attended. */
export const educationViewSchema = z.object({
  school: z.string(),
  degree: z.string(),
  field: z.string().optional(),
  startYear: z.number().int().optional(),
  endYear: z.number().int().optional(),
});

/** A freelancer's profile page: the summary search shows, certifications, education and the portfolio. */
export const freelancerProfileViewSchema = freelancerSummarySchema.extend({
  certifications: z.array(certificationViewSchema),
  education: z.array(educationViewSchema),
  portfolio: z.array(portfolioViewSchema),
});

/** A client's profile with counts of their hiring so far. */
export const clientProfileViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  companyName: z.string().nullable(),
  companySize: z.string().nullable(),
  country: z.string().nullable(),
  paymentVerified: z.boolean(),
  hiring: z.object({ projectsPosted: z.number().int(), openProjects: z.number().int(), hires: z.number().int() }),
  memberSince: timestampSchema,
});

export const portfolioViewShape: SameShape<PortfolioView, z.infer<typeof portfolioViewSchema>> = true;
export const freelancerProfileViewShape: SameShape<FreelancerProfileView, z.infer<typeof freelancerProfileViewSchema>> = true;
export const clientProfileViewShape: SameShape<ClientProfileView, z.infer<typeof clientProfileViewSchema>> = true;
