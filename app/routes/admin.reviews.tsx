import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FilterSelect, PageHeading, ReasonForm, ReplyAlert } from "~/components/admin/trust-ui";
import { CursorPager } from "~/components/marketplace/pager";
import { Stars } from "~/components/reviews/review-list";
import { RouteError } from "~/components/route-error";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { adminFormAction, domainFrom, requireAdminActor } from "~/utils/admin.server";
import { hideReview, listReviewsForModeration, unhideReview } from "../../worker/domain/trust/review-moderation";
import { REVIEW_MODERATION_STATUSES } from "../../worker/domain/trust/values";
import { adminReason } from "../../worker/domain/shared/reasons";

export const meta: MetaFunction = () => [{ title: "Review moderation — MegiLance admin" }];

const querySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  userId: z.string().trim().max(64).optional().catch(undefined),
  status: z.enum(REVIEW_MODERATION_STATUSES).optional().catch(undefined),
  cursor: z.string().max(64).optional().catch(undefined),
});
const intentSchema = z.object({
  intent: z.enum(["hide", "unhide"]),
  reviewId: z.string().min(1).max(64),
  reason: adminReason,
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  const q = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listReviewsForModeration(domainFrom(context), actor, {
    q: q.q || undefined,
    userId: q.userId || undefined,
    status: q.status,
    cursor: q.cursor,
    limit: 20,
  });
  return { page, filters: { q: q.q ?? "", userId: q.userId ?? "", status: q.status ?? "" } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAdminActor(request, context);
  return adminFormAction(await request.formData(), intentSchema, async ({ intent, reviewId, reason }) => {
    const ctx = domainFrom(context);
    const review =
      intent === "hide" ? await hideReview(ctx, actor, reviewId, { reason }) : await unhideReview(ctx, actor, reviewId, { reason });
    const about = review.subject?.name ?? review.subjectId;
    return review.hidden
      ? `The review about ${about} is hidden; both sides were told why.`
      : `The review about ${about} shows again; both sides were told.`;
  });
}

export default function ReviewModeration() {
  const { page, filters } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeading title="Review moderation">
        Hide a review that breaks the rules: it leaves profiles and review lists, stops counting in ratings and job success, and its author
        and subject are told your reason.
      </PageHeading>
      <Form method="get" role="search" aria-label="Search reviews" className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="reviews-q" className="block text-sm font-medium">
            Words or review id
          </label>
          <input id="reviews-q" name="q" type="search" defaultValue={filters.q} className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="reviews-user" className="block text-sm font-medium">
            User id (author or subject)
          </label>
          <input id="reviews-user" name="userId" defaultValue={filters.userId} className={`${inputClass} mt-1`} />
        </div>
        <FilterSelect id="reviews-status" label="Status" name="status" value={filters.status} options={REVIEW_MODERATION_STATUSES} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </Form>
      <div aria-live="polite">
        <ReplyAlert reply={reply} />
      </div>
      {page.items.length === 0 ? (
        <Card>
          <EmptyState title="No reviews">Nothing matches this search.</EmptyState>
        </Card>
      ) : (
        <ul className="space-y-4">
          {page.items.map((r) => (
            <li key={r.id}>
              <Card>
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-base font-semibold">
                    {r.author?.name ?? r.authorId} <span className="text-muted font-normal">({r.authorRole}) about</span>{" "}
                    {r.subject?.name ?? r.subjectId}
                  </h2>
                  {r.hidden ? <Badge tone="danger">hidden</Badge> : <Badge>{r.published ? "published" : "waiting"}</Badge>}
                </div>
                <p className="mt-1 text-sm">
                  <Stars rating={r.rating} /> · <LocalTime value={r.createdAt} /> ·{" "}
                  <Link to={`/contracts/${r.contractId}/review`} className="text-brand-600 underline dark:text-brand-100">
                    Contract reviews
                  </Link>{" "}
                  ·{" "}
                  <Link to={`/admin/users/${r.subjectId}`} className="text-brand-600 underline dark:text-brand-100">
                    Subject's account
                  </Link>
                </p>
                <p className="mt-2 text-sm whitespace-pre-line break-words">{r.comment}</p>
                {r.hiddenReason ? <p className="mt-2 text-sm">Hidden because: {r.hiddenReason}</p> : null}
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium">{r.hidden ? "Show it again" : "Hide this review"}</summary>
                  <div className="mt-2">
                    <ReasonForm
                      intent={r.hidden ? "unhide" : "hide"}
                      id={`reason-${r.id}`}
                      label={r.hidden ? "Why it may be shown (told to both sides)" : "Reason told to both sides"}
                      submit={r.hidden ? "Show the review" : "Hide the review"}
                      variant={r.hidden ? "secondary" : "danger"}
                      hidden={{ reviewId: r.id }}
                    />
                  </div>
                </details>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <CursorPager nextCursor={page.nextCursor} label="Review pages" />
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
