import type { ReactNode } from "react";
import { Badge, type Tone } from "../ui/badge";
import { Card } from "../ui/card";
import { LocalTime } from "../ui/local-time";
import { formatMoney } from "~/utils/money";
import type { DisputeView } from "../../../worker/domain/disputes/view";

export const DISPUTE_STATUS: Record<string, { label: string; tone: Tone }> = {
  open: { label: "Waiting for an answer", tone: "warning" },
  answered: { label: "Waiting for an admin", tone: "brand" },
  resolved: { label: "Decided", tone: "success" },
};

type Files = DisputeView["evidence"];

function Evidence({ files }: { files: Files }) {
  if (files.length === 0) return <p className="text-muted text-sm">No files attached.</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {files.map((f) => (
        <li key={f.key}>
          <a href={f.url} className="underline" target="_blank" rel="noreferrer">
            {f.name ?? f.key}
          </a>{" "}
          <span className="text-muted">({Math.ceil(f.size / 1024)} KB)</span>
        </li>
      ))}
    </ul>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Everything about a dispute both parties and admins see: statements, evidence, deadlines, the decision. */
export function DisputeDetails({ d }: { d: DisputeView }) {
  const money = (n: number) => formatMoney(n, d.currency);
  const status = DISPUTE_STATUS[d.status] ?? { label: d.status, tone: "neutral" as Tone };
  const responder = d.openerRole === "client" ? "freelancer" : "client";
  return (
    <div className="space-y-6">
      <Card title="Summary">
        <dl className="grid gap-2 text-sm sm:grid-cols-[14rem_1fr]">
          <Row label="Status">
            <Badge tone={status.tone}>{status.label}</Badge>
          </Row>
          <Row label="Milestone">{d.milestoneTitle}</Row>
          <Row label="Funds frozen">{money(d.amount)}</Row>
          <Row label="Opened by">The {d.openerRole}</Row>
          <Row label={`Answer from the ${responder} due`}>
            <LocalTime value={d.responseDueAt} />
          </Row>
          {d.decisionDueAt ? (
            <Row label="Admin decision due">
              <LocalTime value={d.decisionDueAt} />
            </Row>
          ) : null}
        </dl>
      </Card>
      <Card title={`The ${d.openerRole}'s case`}>
        <p className="text-sm whitespace-pre-line">{d.reason}</p>
        <h3 className="mt-4 text-sm font-semibold">Evidence</h3>
        <Evidence files={d.evidence} />
      </Card>
      <Card title={`The ${responder}'s answer`}>
        {d.response ? (
          <>
            <p className="text-sm whitespace-pre-line">{d.response.statement}</p>
            <p className="text-muted mt-1 text-xs">
              Answered <LocalTime value={d.response.respondedAt} />
            </p>
            <h3 className="mt-4 text-sm font-semibold">Evidence</h3>
            <Evidence files={d.response.evidence} />
          </>
        ) : (
          <p className="text-muted text-sm">No answer yet. Without one by the deadline, the dispute is decided for the {d.openerRole}.</p>
        )}
      </Card>
      {d.resolution ? (
        <Card title="Decision">
          <dl className="grid gap-2 text-sm sm:grid-cols-[14rem_1fr]">
            <Row label="Outcome">
              {d.resolution.label}
              {d.resolution.outcome === "split" ? ` (${d.resolution.freelancerPercent}% to the freelancer)` : ""}
            </Row>
            <Row label="Released to the freelancer">
              {money(d.resolution.releasedAmount)} (they receive {money(d.resolution.freelancerNet)} after the {money(d.resolution.fee)}{" "}
              fee)
            </Row>
            <Row label="Refunded to the client">{money(d.resolution.refundedAmount)}</Row>
            <Row label="Decided">
              <LocalTime value={d.resolution.resolvedAt} />
            </Row>
          </dl>
          <p className="mt-3 text-sm">{d.resolution.text}</p>
          {d.resolution.note ? <p className="mt-2 text-sm whitespace-pre-line">“{d.resolution.note}”</p> : null}
        </Card>
      ) : null}
    </div>
  );
}
