import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
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
import { AppError, domainFrom } from "~/utils/domain.server";
import { contractReviews } from "../../worker/domain/reviews/queries";
import { REVIEW_CRITERIA } from "../../worker/domain/reviews/criteria";
import { reviewComment, reviewPrivateNote, reviewStars } from "../../worker/domain/reviews/inputs";
import { writeReview } from "../../worker/domain/reviews/write";

export const handle = { portal: true };

export const meta: MetaFunction = () => [{ title: "Reviews — MegiLance" }];

const reviewForm = z.object({
  rating: z.coerce.number().pipe(reviewStars),
  comment: reviewComment,
  privateNote: reviewPrivateNote.optional(),
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  try {
    const reviews = await contractReviews(domainFrom(context), viewer.user, params.id ?? "");
    return { viewer: summarizeViewer(viewer), contractId: params.id ?? "", reviews };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new Response("No such contract.", { status: 404 });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const form = await request.formData();
  const parsed = reviewForm.safeParse({
    rating: form.get("rating") ?? "",
    comment: form.get("comment") ?? "",
    privateNote: form.get("privateNote") ?? undefined,
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  const skillRatings = form
    .getAll("skill")
    .map((skill, i) => ({ skill: String(skill), rating: Number(form.getAll("skillRating")[i]) }))
    .filter((s) => s.skill && s.rating >= 1 && s.rating <= 5);
  try {
    await writeReview(domainFrom(context), viewer.user, params.id ?? "", { ...parsed.data, skillRatings });
  } catch (error) {
    return formFailure(error, "No such contract.");
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
                <textarea id="comment" name="comment" required maxLength={5000} rows={4} className={inputClass} />
              </div>
              <div>
                <label htmlFor="privateNote" className="block text-sm font-medium">
                  Private note to MegiLance (optional, never shown to the {other})
                </label>
                <textarea id="privateNote" name="privateNote" maxLength={2000} rows={2} className={inputClass} />
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
