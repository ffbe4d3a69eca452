import type { RiskSignal } from "../../../db/schema/values";

function EvidenceValue({ value }: { value: unknown }) {
  if (Array.isArray(value))
    return (
      <ul className="list-disc pl-5">
        {value.map((item, i) => (
          <li key={i}>
            <EvidenceValue value={item} />
          </li>
        ))}
      </ul>
    );
  if (value && typeof value === "object")
    return (
      <dl className="grid gap-x-3 sm:grid-cols-[10rem_1fr]">
        {Object.entries(value).map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd className="break-words">
              <EvidenceValue value={v} />
            </dd>
          </div>
        ))}
      </dl>
    );
  return <>{value === null || value === undefined ? "—" : String(value)}</>;
}

/** The signals behind a score, biggest first, each with its points and the evidence to check it. */
export function SignalsList({ signals }: { signals: RiskSignal[] }) {
  if (signals.length === 0) return <p className="text-muted text-sm">No risk signals.</p>;
  return (
    <ol className="space-y-3">
      {signals.map((s) => (
        <li key={s.code} className="border-subtle rounded-control border p-3 text-sm">
          <p className="font-medium">
            {s.label} <span className="text-muted">(+{s.points})</span>
          </p>
          {s.evidence ? (
            <div className="mt-2">
              <EvidenceValue value={s.evidence} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
