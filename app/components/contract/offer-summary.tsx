import { Alert } from "../ui/alert";

/** The offer as the client wrote it: shown to both sides while it waits, and kept on the page afterwards. */
export function OfferSummary({
  contract: c,
}: {
  contract: {
    status: string;
    viewerRole: "client" | "freelancer";
    client: { name: string };
    freelancer: { name: string };
    offerMessage: string | null;
  };
}) {
  const waiting = c.status === "offered";
  if (!waiting && !c.offerMessage) return null;
  const heading = waiting
    ? c.viewerRole === "freelancer"
      ? `${c.client.name} sent you an offer`
      : `Offer sent to ${c.freelancer.name}, waiting for their answer`
    : `The offer's message from ${c.client.name}`;
  return (
    <Alert tone={waiting ? "warning" : "info"} title={heading}>
      {c.offerMessage ? <p className="whitespace-pre-line break-words">{c.offerMessage}</p> : null}
      {waiting && c.viewerRole === "freelancer" ? <p className="mt-1">Read the terms below, then accept or decline the offer.</p> : null}
      {waiting && c.viewerRole === "client" ? (
        <p className="mt-1">You can still adjust the terms and milestones until they answer.</p>
      ) : null}
    </Alert>
  );
}
