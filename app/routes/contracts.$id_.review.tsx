import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PortalShell } from "~/components/portal/portal-shell";
import { ReviewList } from "~/components/reviews/review-list";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { RadioGroup } from "~/components/ui/choice";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { requireUser, summarizeViewer } from "~/utils/auth.server";
import { formFailure } from "~/utils/disputes.server";
import { domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { contractReviews } from "../../worker/domain/reviews/queries";
import { REVIEW_CRITERIA } from "../../worker/domain/reviews/criteria";
import { REVIEW_COMMENT_MAX, REVIEW_PRIVATE_NOTE_MAX } from "../../worker/domain/reviews/inputs";
import { writeReview } from "../../worker/domain/reviews/write";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Reviews — MegiLance" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  try {
    const reviews = await contractReviews(domainFrom(context), viewer.user, params.id ?? "");
    return { viewer: summarizeViewer(viewer), contractId: params.id ?? "", reviews };
  } catch (error) {
    throwIfNotFound(error);
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const stars = form.getAll("skillRating");
  // The review's own schema (writeReviewInput) checks the fields in writeReview, for this form as for the API.
  const review = {
    rating: Number(form.get("rating") ?? ""),
    comment: String(form.get("comment") ?? ""),
    privateNote: form.has("privateNote") ? String(form.get("privateNote")) : undefined,
    // A skill left at "Not rated" is not part of the review.
    skillRatings: form.getAll("skill").flatMap((skill, i) => (stars[i] ? [{ skill: String(skill), rating: Number(stars[i]) }] : [])),
  };
  try {
    await writeReview(domainFrom(context), viewer.user, params.id ?? "", review);
  } catch (error) {
    return formFailure(error);
  }
  return redirect(`/contracts/${params.id}/review`);
}

export default function ContractReviews() {
  const { viewer, contractId, reviews } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const criteria = reviews.viewerRole ? REVIEW_CRITERIA[reviews.viewerRole] : [];
  const other = reviews.viewerRole === "client" ? "freelancer" : "client";
  return (
    <PortalShell title="Reviews" viewer={viewer}>
      <div className="max-w-3xl space-y-6">
        <div>
          {/* Admins read reviews for moderation; the contract itself is only its parties' page. */}
          {reviews.viewerRole ? (
            <Link to={`/contracts/${contractId}`} className="text-sm underline">
              Back to the contract
            </Link>
          ) : (
            <Link to="/admin/reviews" className="text-sm underline">
              Back to review moderation
            </Link>
          )}
          <h1 className="mt-2 text-2xl font-bold tracking-tight">Reviews</h1>
          {!reviews.visible && reviews.visibleFrom ? (
            <p className="text-muted mt-1 text-sm">
              Reviews stay hidden until both sides have written one, or until <LocalTime value={reviews.visibleFrom} />.
            </p>
          ) : null}
        </div>
        {reviews.viewerCanReview ? (
          <Card title={`Review the ${other}`}>
            {failed?.error ? <Alert tone="danger">{failed.error}</Alert> : null}
            <Form method="post" className="space-y-4">
              <RadioGroup
                legend="Overall rating"
                name="rating"
                id="rating"
                options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} star${n === 1 ? "" : "s"}` }))}
              />
              <fieldset>
                <legend className="text-sm font-medium">Ratings by skill (optional)</legend>
                <div className="mt-2 grid gap-3 sm:grid-cols-3">
                  {criteria.map((c, i) => (
                    <div key={c}>
                      <input type="hidden" name="skill" value={c} />
                      <label htmlFor={`skill-${i}`} className="block text-sm">
                        {c}
                      </label>
                      <select id={`skill-${i}`} name="skillRating" defaultValue="" className={inputClass}>
                        <option value="">Not rated</option>
                        {[5, 4, 3, 2, 1].map((n) => (
                          <option key={n} value={n}>
                            {n} / 5
                          </option>
                        ))}
                      </select>
                    </div>
                  ))}
                </div>
              </fieldset>
              <div>
                <label htmlFor="comment" className="block text-sm font-medium">
                  Your review
                </label>
                <textarea id="comment" name="comment" required maxLength={REVIEW_COMMENT_MAX} rows={4} className={inputClass} />
              </div>
              <div>
                <label htmlFor="privateNote" className="block text-sm font-medium">
                  Private note to MegiLance (optional, never shown to the {other})
                </label>
                <textarea id="privateNote" name="privateNote" maxLength={REVIEW_PRIVATE_NOTE_MAX} rows={2} className={inputClass} />
              </div>
              <Button>Publish my review</Button>
            </Form>
          </Card>
        ) : null}
        <Card title="Reviews on this contract">
          {reviews.items.length ? <ReviewList items={reviews.items} /> : <p className="text-muted text-sm">No reviews yet.</p>}
        </Card>
      </div>
    </PortalShell>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
