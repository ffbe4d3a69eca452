import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { COUNTRY_CODES } from "../../worker/domain/profiles/countries";
import { getMyFreelancerProfile, saveFreelancerProfile } from "../../worker/domain/profiles/freelancer";
import {
  certificationSchema,
  educationSchema,
  MAX_CERTIFICATIONS,
  MAX_EDUCATION,
  MAX_PROFILE_SKILLS,
  type FreelancerProfileInput,
} from "../../worker/domain/profiles/input";
import { listPortfolio } from "../../worker/domain/profiles/portfolio";
import { PhotoPicker } from "~/components/profile/photo-picker";
import { PortfolioManager } from "~/components/profile/portfolio-manager";
import { SkillPicker } from "~/components/profile/skill-picker";
import { TimeZonePicker } from "~/components/profile/time-zone-picker";
import { LanguagePicker, languagesText } from "~/components/profile/language-picker";
import { DEFAULT_LANGUAGE_LEVEL, LANGUAGE_LEVELS, MAX_LANGUAGES, type LanguageLevel } from "../../worker/domain/profiles/languages";
import { SelectField, TextAreaField } from "~/components/marketplace/fields";
import { RouteError } from "~/components/route-error";
import { FormErrors } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Field, FieldErrors } from "~/components/ui/field";
import { requireRole } from "~/utils/auth.server";
import { AppError, domainFrom } from "~/utils/domain.server";
import { replyWithAppError } from "~/utils/forms.server";
import { SUPPORTED_CURRENCIES, toMajorText, toMinorUnits } from "~/utils/money";
import { estimateFreelancerRate } from "../../worker/domain/estimates/freelancer-rate";
import { invalidFields } from "../../worker/domain/shared/validate";
import { RateGuide } from "~/components/matching/rate-estimate";

export const meta: MetaFunction = () => [{ title: "My profile — MegiLance" }];

/** The whole profile is on the page, so an empty field clears its value rather than keeping the old one. */
const profileFormSchema = z.object({
  handle: z
    .string({ error: "Choose a handle for your public page." })
    .trim()
    .min(3, "Use at least 3 characters.")
    .max(30, "Use at most 30 characters.")
    .regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9_-]*[a-zA-Z0-9])?$/, "Use letters, digits, - and _ only."),
  headline: z.string({ error: "Write a headline." }).trim().min(5, "Write a headline of at least 5 characters.").max(120),
  bio: z.string().trim().max(5000, "Use at most 5,000 characters.").optional(),
  skills: z.string().trim().max(3000).optional(),
  hourlyRate: z
    .string()
    .trim()
    .max(20, "That amount is too long.")
    .regex(/^[\d,]+(\.\d*)?$/, "Enter a plain amount, like 45 or 62.50.")
    .optional(),
  currency: z.string({ error: "Choose a currency." }).length(3),
  availabilityHoursPerWeek: z.number().int("Use whole hours.").min(0).max(168, "A week has 168 hours.").optional(),
  timezone: z.string().trim().max(64).optional(),
  languages: z.string().trim().max(1000).optional(),
  country: z.string().trim().length(2, "Choose a country from the list.").optional(),
  certifications: z.array(certificationSchema).max(MAX_CERTIFICATIONS).optional(),
  education: z.array(educationSchema).max(MAX_EDUCATION).optional(),
});

/** Countries by their English names, for the country list. */
function countryOptions(): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  const options = [...COUNTRY_CODES].map((code) => ({ value: code, label: names.of(code) ?? code }));
  return [{ value: "", label: "Not stated" }, ...options.sort((a, b) => a.label.localeCompare(b.label, "en"))];
}
type ProfileFormValue = z.infer<typeof profileFormSchema>;

const listOf = (text: string | undefined, separator: RegExp) =>
  (text ?? "")
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);

/** Form text to the domain's input: "name:years" skills, a major-unit rate as minor units. */
function toProfileInput(value: ProfileFormValue): FreelancerProfileInput {
  const fields: Record<string, string[]> = {};
  const skills = listOf(value.skills, /[,\n]/).map((entry) => {
    const match = /^(.+?)\s*:\s*(\d{1,2})$/.exec(entry);
    if (match) return { skill: match[1], years: Number(match[2]) };
    if (entry.includes(":")) (fields.skills ??= []).push(`Write "${entry}" as name or name:years, e.g. React:5.`);
    return entry;
  });
  const languages = listOf(value.languages, /[,\n]/).map((line) => {
    const [term, levelText] = line.split(":").map((part) => part.trim());
    const level = (levelText ? levelText.toLowerCase() : DEFAULT_LANGUAGE_LEVEL) as LanguageLevel;
    if (!LANGUAGE_LEVELS.includes(level))
      (fields.languages ??= []).push(`Give "${term}" a level: ${LANGUAGE_LEVELS.join(", ")}, e.g. ${term}: fluent.`);
    return { code: term, level };
  });
  const hourlyRate = value.hourlyRate ? toMinorUnits(value.hourlyRate, value.currency) : null;
  if (value.hourlyRate && (hourlyRate === null || hourlyRate < 1))
    fields.hourlyRate = [`Use a positive amount with at most the decimals ${value.currency} has.`];
  if (Object.keys(fields).length > 0) throw invalidFields(fields);
  return {
    handle: value.handle,
    headline: value.headline,
    bio: value.bio ?? "",
    skills,
    hourlyRate,
    currency: value.currency,
    availabilityHoursPerWeek: value.availabilityHoursPerWeek ?? null,
    timezone: value.timezone ?? "UTC",
    languages,
    country: value.country ?? null,
    certifications: value.certifications ?? [],
    education: value.education ?? [],
  };
}

/** The domain names list items ("skills.2.years"); the form shows them on the list's field. */
function onFormFields(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(error.fields)) (fields[key.split(".")[0]] ??= []).push(...messages);
  return new AppError(error.status, error.code, error.message, fields, error.headers);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const profile = await getMyFreelancerProfile(domainFrom(context), viewer.user).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) return null;
    throw error;
  });
  const defaultValue = profile
    ? {
        handle: profile.handle,
        headline: profile.headline,
        bio: profile.bio,
        skills: profile.skills.map((s) => (s.years > 0 ? `${s.name}:${s.years}` : s.name)).join("\n"),
        skillList: profile.skills.map((s) => ({ name: s.name, years: s.years || undefined })),
        hourlyRate: profile.hourlyRate !== null ? toMajorText(profile.hourlyRate, profile.currency) : "",
        currency: profile.currency,
        availabilityHoursPerWeek: profile.availabilityHoursPerWeek !== null ? String(profile.availabilityHoursPerWeek) : "",
        timezone: profile.timezone,
        languages: languagesText(profile.languages),
        country: profile.country ?? "",
        certifications: profile.certifications.map((c) => ({ ...c, year: String(c.year) })),
        education: profile.education.map((e) => ({
          ...e,
          startYear: e.startYear !== undefined ? String(e.startYear) : undefined,
          endYear: e.endYear !== undefined ? String(e.endYear) : undefined,
        })),
      }
    : { currency: "USD", timezone: "UTC" };
  const [rateEstimate, portfolio] = profile
    ? await Promise.all([estimateFreelancerRate(domainFrom(context), viewer.user.id), listPortfolio(domainFrom(context), viewer.user)])
    : [null, []];
  const photoUrl = viewer.user.photoKey ? `/api/files/${viewer.user.photoKey}` : null;
  return {
    handle: profile?.handle ?? null,
    name: viewer.user.name,
    photoUrl,
    defaultValue,
    rateEstimate,
    portfolio,
    countries: countryOptions(),
    languages: profile?.languages ?? [],
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "freelancer");
  const submission = parseWithZod(await request.formData(), { schema: profileFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const profile = await saveFreelancerProfile(domainFrom(context), viewer.user, toProfileInput(submission.value));
    return redirect(`/f/${profile.handle}`);
  } catch (error) {
    return replyWithAppError(submission, onFormFields(error));
  }
}

export default function EditFreelancerProfile() {
  const { handle, name, photoUrl, defaultValue, rateEstimate, portfolio, countries, languages } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "freelancer-profile",
    lastResult: answer?.result,
    defaultValue,
    constraint: getZodConstraint(profileFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileFormSchema }),
  });
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">My profile</h1>
        <p className="text-muted mt-1">
          Clients find you by your headline, skills and rate.{" "}
          {handle ? (
            <Link to={`/f/${handle}`} className="font-medium underline">
              See your public page
            </Link>
          ) : null}
        </p>
      </div>
      <Card title="Photo">
        <PhotoPicker name={name} photoUrl={photoUrl} />
      </Card>
      <Card>
        <Form method="post" className="space-y-5" {...getFormProps(form)}>
          {/* Enter in a field saves the profile, not the first list's Remove button (the form's default button is its first). */}
          <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
            Save profile
          </button>
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Handle"
              hint="Your public page is /f/ followed by this."
              errors={fields.handle.errors}
              inputProps={getInputProps(fields.handle, { type: "text" })}
            />
            <Field label="Headline" errors={fields.headline.errors} inputProps={getInputProps(fields.headline, { type: "text" })} />
          </div>
          <TextAreaField label="About you" errors={fields.bio.errors} textareaProps={getTextareaProps(fields.bio)} />
          <SkillPicker
            name={fields.skills.name}
            label="Skills"
            hint="Type to see matching skills, pick them, and add your years of experience."
            errors={fields.skills.errors}
            defaultSkills={("skillList" in defaultValue ? defaultValue.skillList : undefined) ?? []}
            withYears
            max={MAX_PROFILE_SKILLS}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Hourly rate"
              hint="In the currency's main unit; leave empty for rate on request."
              errors={fields.hourlyRate.errors}
              inputProps={{ ...getInputProps(fields.hourlyRate, { type: "text" }), inputMode: "decimal" }}
            />
            <SelectField
              label="Currency"
              errors={fields.currency.errors}
              options={SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c }))}
              selectProps={getSelectProps(fields.currency)}
            />
            <RateGuide estimate={rateEstimate} />
            <Field
              label="Availability (hours a week)"
              errors={fields.availabilityHoursPerWeek.errors}
              inputProps={getInputProps(fields.availabilityHoursPerWeek, { type: "number" })}
            />
            <TimeZonePicker
              name={fields.timezone.name}
              label="Time zone"
              defaultZone={defaultValue.timezone}
              errors={fields.timezone.errors}
            />
            <SelectField label="Country" errors={fields.country.errors} options={countries} selectProps={getSelectProps(fields.country)} />
          </div>
          <LanguagePicker
            name={fields.languages.name}
            label="Languages"
            errors={fields.languages.errors}
            defaultLanguages={languages}
            max={MAX_LANGUAGES}
          />
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">Certifications</legend>
            <FieldErrors id={fields.certifications.errorId} errors={fields.certifications.errors} />
            {fields.certifications.getFieldList().map((row, index) => {
              const cert = row.getFieldset();
              return (
                <div key={row.key ?? row.id} className="grid items-end gap-3 sm:grid-cols-[2fr_2fr_1fr_2fr_auto]">
                  <Field label="Name" errors={cert.name.errors} inputProps={getInputProps(cert.name, { type: "text" })} />
                  <Field label="Issued by" errors={cert.issuer.errors} inputProps={getInputProps(cert.issuer, { type: "text" })} />
                  <Field
                    label="Year"
                    errors={cert.year.errors}
                    inputProps={{ ...getInputProps(cert.year, { type: "text" }), inputMode: "numeric" }}
                  />
                  <Field label="Link (optional)" errors={cert.url.errors} inputProps={getInputProps(cert.url, { type: "url" })} />
                  <Button variant="secondary" size="sm" {...form.remove.getButtonProps({ name: fields.certifications.name, index })}>
                    Remove
                  </Button>
                </div>
              );
            })}
            {fields.certifications.getFieldList().length < MAX_CERTIFICATIONS ? (
              <Button variant="secondary" size="sm" {...form.insert.getButtonProps({ name: fields.certifications.name })}>
                Add a certification
              </Button>
            ) : null}
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">Education</legend>
            <FieldErrors id={fields.education.errorId} errors={fields.education.errors} />
            {fields.education.getFieldList().map((row, index) => {
              const school = row.getFieldset();
              return (
                <div key={row.key ?? row.id} className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_2fr_1fr_1fr_auto]">
                  <Field label="School" errors={school.school.errors} inputProps={getInputProps(school.school, { type: "text" })} />
                  <Field label="Degree" errors={school.degree.errors} inputProps={getInputProps(school.degree, { type: "text" })} />
                  <Field label="Field (optional)" errors={school.field.errors} inputProps={getInputProps(school.field, { type: "text" })} />
                  <Field
                    label="From"
                    errors={school.startYear.errors}
                    inputProps={{ ...getInputProps(school.startYear, { type: "text" }), inputMode: "numeric" }}
                  />
                  <Field
                    label="To"
                    errors={school.endYear.errors}
                    inputProps={{ ...getInputProps(school.endYear, { type: "text" }), inputMode: "numeric" }}
                  />
                  <Button variant="secondary" size="sm" {...form.remove.getButtonProps({ name: fields.education.name, index })}>
                    Remove
                  </Button>
                </div>
              );
            })}
            {fields.education.getFieldList().length < MAX_EDUCATION ? (
              <Button variant="secondary" size="sm" {...form.insert.getButtonProps({ name: fields.education.name })}>
                Add a school
              </Button>
            ) : null}
          </fieldset>
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : "Save profile"}
          </Button>
        </Form>
      </Card>
      {handle ? <PortfolioManager items={portfolio} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
