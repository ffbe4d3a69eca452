import { LocalTime } from "../ui/local-time";

export interface HistoryEntry {
  type: string;
  at: string;
  note: string | null;
}

const WORDS: Record<string, string> = {
  sent: "You sent the proposal",
  edited: "You edited the proposal",
  shortlisted: "The client shortlisted it",
  declined: "The client declined it",
  withdrawn: "You withdrew it",
  hired: "The client chose it and made you an offer",
  offer_sent: "The offer's terms were set",
  offer_accepted: "You accepted the offer: the contract started",
  offer_declined: "You declined the offer",
  contract_ended: "The contract ended",
};

/** A proposal's status history, oldest first. */
export function ProposalHistory({ entries }: { entries: HistoryEntry[] }) {
  return (
    <ol className="space-y-3 border-l border-[var(--border)] pl-4" aria-label="Status history">
      {entries.map((e, i) => (
        <li key={`${e.type}-${i}`} className="text-sm">
          <p className="font-medium">{WORDS[e.type] ?? e.type}</p>
          <p className="text-muted">
            <LocalTime value={e.at} />
          </p>
          {e.note ? <p className="mt-0.5 break-words">“{e.note}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
