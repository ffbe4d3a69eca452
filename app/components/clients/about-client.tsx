import type { ClientAbout } from "../../../worker/domain/clients/about";
import { ReviewList } from "../reviews/review-list";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";

function spentText(about: Pick<ClientAbout, "totalSpent">): string {
  return about.totalSpent.length === 0 ? "Nothing yet" : about.totalSpent.map((s) => formatMoney(s.amount, s.currency)).join(" + ");
}

function ratingText(about: Pick<ClientAbout, "rating">): string {
  const { average, count } = about.rating;
  if (count === 0) return "No reviews from freelancers yet";
  return `${average.toFixed(1)} of 5 from ${count} ${count === 1 ? "review" : "reviews"}`;
}

function PaymentBadge({ verified }: { verified: boolean }) {
  return verified ? <Badge tone="success">✓ Payment method verified</Badge> : <Badge tone="warning">Payment method not verified</Badge>;
}

/** What a freelancer weighs before applying: the client's payment, spending, hiring, time and freelancers' reviews. */
export function AboutClientCard({ about }: { about: ClientAbout }) {
  const hireRate = about.hireRate === null ? "no projects yet" : `${about.hireRate}% hire rate`;
  return (
    <Card title="About the client">
      <p className="font-semibold break-words">
        {about.name}
        {about.companyName ? <span className="text-muted font-normal"> · {about.companyName}</span> : null}
      </p>
      <div className="mt-2">
        <PaymentBadge verified={about.paymentVerified} />
      </div>
      <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-muted">Total spent</dt>
          <dd className="font-semibold break-words">{spentText(about)}</dd>
        </div>
        <div>
          <dt className="text-muted">Hires</dt>
          <dd>
            <span className="font-semibold">{about.hires}</span> ({hireRate}, {about.projectsPosted} posted)
          </dd>
        </div>
        <div>
          <dt className="text-muted">Open projects</dt>
          <dd className="font-semibold">{about.openProjects}</dd>
        </div>
        <div>
          <dt className="text-muted">Member since</dt>
          <dd>
            <LocalTime value={about.memberSince} dateOnly />
          </dd>
        </div>
        <div>
          <dt className="text-muted">Local time</dt>
          <dd>{about.localTime && about.timeZone ? `${about.localTime} (${about.timeZone.replace(/_/g, " ")})` : "Not known"}</dd>
        </div>
        <div>
          <dt className="text-muted">Rating from freelancers</dt>
          <dd>{ratingText(about)}</dd>
        </div>
      </dl>
      {about.reviews.length > 0 ? (
        <>
          <h3 className="mt-5 mb-2 text-sm font-semibold">What freelancers said</h3>
          <ReviewList items={about.reviews} />
        </>
      ) : null}
    </Card>
  );
}
