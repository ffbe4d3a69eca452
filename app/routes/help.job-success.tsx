import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { MarketplaceFrame } from "~/components/marketplace/frame";
import { RouteError } from "~/components/route-error";
import { Card } from "~/components/ui/card";
import { summarizeViewer } from "~/utils/auth.server";
import { getViewer } from "~/utils/session.server";
import { JOB_SUCCESS_GOOD_RATING, JOB_SUCCESS_MIN_CONTRACTS } from "../../worker/domain/reviews/job-success";
import { REVIEW_HIDDEN_DAYS } from "../../worker/domain/reviews/periods";

export const meta: MetaFunction = () => [
  { title: "How job success is worked out — MegiLance" },
  { name: "description", content: "The published formula behind a freelancer's job-success figure." },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  return {
    viewer: viewer ? summarizeViewer(viewer) : null,
    minimum: JOB_SUCCESS_MIN_CONTRACTS,
    goodRating: JOB_SUCCESS_GOOD_RATING,
    hiddenDays: REVIEW_HIDDEN_DAYS,
  };
}

export default function JobSuccessHelp() {
  const { viewer, minimum, goodRating, hiddenDays } = useLoaderData<typeof loader>();
  return (
    <MarketplaceFrame title="Help" viewer={viewer}>
      <article className="max-w-3xl space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">How job success is worked out</h1>
        <p>
          Job success is one number on a freelancer's profile: the share of their finished contracts that went well. Everything it uses is
          visible to the freelancer, so they can check it by hand.
        </p>
        <Card title="The formula">
          <p className="rounded-control bg-black/5 p-3 font-mono text-sm dark:bg-white/10">
            job success = round(100 × good outcomes ÷ contracts with an outcome)
          </p>
          <ul className="mt-4 list-disc space-y-2 pl-5 text-sm">
            <li>Only contracts that have ended count.</li>
            <li>
              A contract <strong>has an outcome</strong> when the client's review of it is visible (both sides reviewed, or {hiddenDays}{" "}
              days passed since the end), or when a dispute on it was decided.
            </li>
            <li>
              A review that a moderator <strong>hid</strong> for breaking the rules counts as no review at all: it leaves the profile, the
              rating average and count, and this figure.
            </li>
            <li>
              An outcome is <strong>good</strong> when no dispute on the contract was lost by the freelancer and the client's rating, if
              there is one, is {goodRating} or 5 stars.
            </li>
            <li>
              A dispute is <strong>lost</strong> when everything held was refunded to the client, or a split gave the freelancer less than
              half.
            </li>
            <li>Rounding is to the nearest whole percent, halves up (87.5% shows as 88%).</li>
            <li>
              No figure is shown until {minimum} contracts have an outcome; the profile then says "No job success score yet" and how many
              there are so far. Star ratings show from the first visible review.
            </li>
          </ul>
        </Card>
        <Card title="An example">
          <p className="text-sm">
            A freelancer finished 9 contracts. On 8 of them the client's review is visible: seven rated 5 or 4 stars, one rated 3 stars. The
            ninth has no visible review yet and no dispute, so it has no outcome. Job success = round(100 × 7 ÷ 8) = 88%, shown as "7 of 8
            contracts with a good outcome".
          </p>
        </Card>
        <p className="text-sm">
          <Link to="/freelancers" className="underline">
            Browse freelancers
          </Link>
        </p>
      </article>
    </MarketplaceFrame>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
