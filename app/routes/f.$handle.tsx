import { TheirLocalTime } from "~/components/ui/their-local-time";
import { zoneLabel } from "../../worker/domain/time/zones";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { isbot } from "isbot";
import { saveFreelancer, unsaveFreelancer } from "../../worker/domain/favorites/favorites";
import { loadPublicProfile } from "../../worker/domain/profiles/public-page";
import { LANGUAGE_LEVEL_LABELS } from "../../worker/domain/profiles/languages";
import { MessageFreelancer } from "~/components/messaging/message-freelancer";
import { TrackRecord } from "~/components/reviews/track-record";
import { orErrorPage } from "~/components/marketplace/errors.server";
import { PresenceDot } from "~/components/presence/presence-dot";
import { MarketplaceFrame } from "~/components/marketplace/frame";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Avatar } from "~/components/ui/avatar";
import { PortfolioGallery } from "~/components/profile/portfolio-gallery";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { formatMoney } from "~/utils/money";
import { getViewer } from "~/utils/session.server";

export const handle = { portal: true };

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.profile.name} — MegiLance` : "Freelancer — MegiLance" },
];

const favoriteSchema = z.object({ intent: z.enum(["save", "unsave"]) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const human = !isbot(request.headers.get("User-Agent") ?? "");
  // A client may invite the freelancer to one of their open projects when writing to them (read in the same batch;
  // the freelancer's own view never lists them).
  const asClient = viewer?.user.roles.includes("client") ? viewer.user : null;
  const { profile, track, openProjects } = await orErrorPage(
    loadPublicProfile(domainFrom(context), params.handle ?? "", {
      trackRecord: { reviewsCursor: new URL(request.url).searchParams.get("reviewsCursor") ?? undefined },
      countViewBy: human ? { viewerId: viewer?.user.id ?? null } : undefined,
      openProjectsOf: asClient ? { clientId: asClient.id } : undefined,
    }),
  );
  const isSelf = viewer?.user.id === profile.userId;
  return {
    viewer: viewer ? summarizeViewer(viewer) : null,
    profile,
    isSelf,
    openProjects: isSelf ? null : openProjects,
    track: track!,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: favoriteSchema });
  if (submission.status !== "success") return data({ saved: null }, { status: 400 });
  const ctx = domainFrom(context);
  const handleParam = params.handle ?? "";
  switch (submission.value.intent) {
    case "save":
      await orErrorPage(saveFreelancer(ctx, viewer.user, handleParam));
      return { saved: true };
    case "unsave":
      await orErrorPage(unsaveFreelancer(ctx, viewer.user, handleParam));
      return { saved: false };
    default:
      return submission.value.intent satisfies never;
  }
}

function availabilityText(hours: number | null): string {
  if (hours === null) return "Not stated";
  return hours === 0 ? "Not taking work" : `${hours} hours a week`;
}

export default function FreelancerProfilePage() {
  const { viewer, profile, isSelf, track, openProjects } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const saved = answer?.saved ?? null;
  const { rating } = profile;
  return (
    <MarketplaceFrame title="Freelancer" viewer={viewer}>
      <div className="max-w-4xl space-y-6">
        <div>
          <p className="text-muted text-sm">
            <Link to="/freelancers" className="hover:underline">
              Freelancers
            </Link>{" "}
            / @{profile.handle}
          </p>
          <div className="mt-2 flex items-start gap-4">
            <Avatar name={profile.name} photoUrl={profile.photoUrl} size="lg" />
            <div className="min-w-0">
              <h1 className="text-2xl font-bold tracking-tight break-words">{profile.name}</h1>
              <PresenceDot userId={profile.userId} className="mt-1" />
              <p className="mt-1 text-lg break-words">{profile.headline}</p>
              <p className="text-muted mt-1 text-sm">
                {rating.count > 0
                  ? `Rated ${rating.average.toFixed(1)} out of 5 from ${rating.count} review${rating.count === 1 ? "" : "s"}`
                  : "No reviews yet"}
              </p>
            </div>
          </div>
        </div>
        {saved === true ? <Alert tone="success">Saved. Find this freelancer again under Saved.</Alert> : null}
        {saved === false ? <Alert tone="success">Removed from saved.</Alert> : null}
        <TrackRecord record={track} />
        <Card title="About">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted">Hourly rate</dt>
              <dd className="font-semibold">
                {profile.hourlyRate !== null ? `${formatMoney(profile.hourlyRate, profile.currency)} per hour` : "On request"}
              </dd>
            </div>
            <div>
              <dt className="text-muted">Availability</dt>
              <dd>{availabilityText(profile.availabilityHoursPerWeek)}</dd>
            </div>
            <div>
              <dt className="text-muted">Time zone</dt>
              <dd>
                {zoneLabel(profile.timezone)}
                <TheirLocalTime timeZone={profile.timezone} label="Local time" className="text-muted" />
              </dd>
            </div>
            <div>
              <dt className="text-muted">Country</dt>
              <dd>{profile.country ?? "Not stated"}</dd>
            </div>
            <div>
              <dt className="text-muted">Languages</dt>
              <dd>
                {profile.languages.length ? (
                  <ul aria-label="Languages">
                    {profile.languages.map((language) => (
                      <li key={language.code}>
                        {language.name} <span className="text-muted">· {LANGUAGE_LEVEL_LABELS[language.level]}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "Not stated"
                )}
              </dd>
            </div>
          </dl>
          {profile.bio ? <p className="mt-4 whitespace-pre-line">{profile.bio}</p> : null}
          <h3 className="mt-4 text-sm font-semibold">Skills</h3>
          {profile.skills.length ? (
            <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Skills">
              {profile.skills.map((skill) => (
                <li key={skill.slug}>
                  <Badge>
                    {skill.name}
                    {skill.years > 0 ? ` · ${skill.years} yr${skill.years === 1 ? "" : "s"}` : ""}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted mt-1 text-sm">No skills listed yet.</p>
          )}
          {profile.certifications.length ? (
            <>
              <h3 className="mt-4 text-sm font-semibold">Certifications</h3>
              <ul className="mt-1 space-y-1 text-sm" aria-label="Certifications">
                {profile.certifications.map((c, i) => (
                  <li key={i}>
                    {c.url ? (
                      <a href={c.url} rel="nofollow noopener noreferrer" target="_blank" className="font-medium underline">
                        {c.name}
                      </a>
                    ) : (
                      <span className="font-medium">{c.name}</span>
                    )}
                    <span className="text-muted">
                      {" "}
                      · {c.issuer}, {c.year}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {profile.education.length ? (
            <>
              <h3 className="mt-4 text-sm font-semibold">Education</h3>
              <ul className="mt-1 space-y-1 text-sm" aria-label="Education">
                {profile.education.map((e, i) => (
                  <li key={i}>
                    <span className="font-medium">{e.school}</span>
                    <span className="text-muted">
                      {" "}
                      · {e.field ? `${e.degree}, ${e.field}` : e.degree}
                      {e.startYear || e.endYear ? ` (${[e.startYear, e.endYear].filter(Boolean).join("–")})` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="mt-4 flex flex-wrap items-end gap-2">
            {openProjects ? <MessageFreelancer freelancerId={profile.userId} name={profile.name} openProjects={openProjects} /> : null}
            {viewer && !isSelf ? (
              <Form method="post">
                <Button name="intent" value={saved ? "unsave" : "save"} variant="secondary" size="sm">
                  {saved ? "Remove from saved" : "Save freelancer"}
                </Button>
              </Form>
            ) : null}
            {isSelf ? (
              <Link to="/freelancer/profile" className={buttonClass("secondary", "sm")}>
                Edit my profile
              </Link>
            ) : null}
            {!viewer ? (
              <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/f/${profile.handle}`)}`} className={buttonClass("secondary", "sm")}>
                Sign in to save this freelancer
              </Link>
            ) : null}
          </div>
        </Card>
        <section aria-labelledby="portfolio" className="space-y-3">
          <h2 id="portfolio" className="text-lg font-semibold">
            Portfolio
          </h2>
          <PortfolioGallery items={profile.portfolio} />
        </section>
      </div>
    </MarketplaceFrame>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 sm:px-8">
      <RouteError />
    </main>
  );
}
