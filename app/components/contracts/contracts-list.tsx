import { Form, Link, useSearchParams } from "@remix-run/react";
import { formatMoney } from "~/utils/money";
import { CursorPager } from "../marketplace/pager";
import { Alert } from "../ui/alert";
import { Badge, type Tone } from "../ui/badge";
import { Button, buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { inputClass } from "../ui/field";
import { LinkTabs } from "../ui/link-tabs";
import { LocalTime } from "../ui/local-time";
import { CONTRACT_STATUS_LABELS } from "./labels";

export interface ContractRow {
  id: string;
  title: string;
  status: string;
  type: "fixed" | "hourly";
  amount: number | null;
  hourlyRate: number | null;
  weeklyHourLimit: number | null;
  currency: string;
  project: { id: string; title: string };
  otherParty: { id: string; name: string };
  funds: { held: number; released: number };
  nextAction: { label: string; by: "you" | "other" | "nobody" };
  createdAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
}

type Tab = "offered" | "active" | "ended";
const TAB_LABELS: Record<Tab, string> = { offered: "Offers", active: "Active", ended: "Ended" };
const STATUS_TONES: Record<string, Tone> = { offered: "warning", active: "brand", ended: "neutral", declined: "neutral" };

const EMPTY: Record<"client" | "freelancer", Record<Tab, string>> = {
  client: {
    offered: "Offers you send from a proposal (the “Hire” button) wait here until the freelancer answers.",
    active: "Contracts start when a freelancer accepts your offer.",
    ended: "Contracts you or the freelancer ended, and offers that were declined, stay here with their reviews.",
  },
  freelancer: {
    offered: "When a client hires you, their offer waits here for you to accept or decline.",
    active: "Offers you accept become active contracts.",
    ended: "Finished contracts and declined offers stay here.",
  },
};

function terms(c: ContractRow): string {
  if (c.type === "fixed") return `${formatMoney(c.amount ?? 0, c.currency)} fixed price`;
  const rate = `${formatMoney(c.hourlyRate ?? 0, c.currency)}/h`;
  return c.weeklyHourLimit ? `${rate}, up to ${c.weeklyHourLimit} h a week` : rate;
}

function Row({ c, role }: { c: ContractRow; role: "client" | "freelancer" }) {
  const mine = c.nextAction.by === "you";
  return (
    <li className="py-4">
      <article aria-label={c.title} className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="min-w-0 break-words font-semibold">
              <Link to={`/contracts/${c.id}`} className="hover:underline">
                {c.title}
              </Link>
            </h2>
            <Badge tone={STATUS_TONES[c.status] ?? "neutral"}>{CONTRACT_STATUS_LABELS[c.status] ?? c.status}</Badge>
          </div>
          <p className="text-muted mt-1 break-words text-sm">
            {role === "client" ? "Freelancer" : "Client"}: <span className="font-medium text-[color:var(--text)]">{c.otherParty.name}</span>{" "}
            · {terms(c)}
            {c.title !== c.project.title ? <> · project “{c.project.title}”</> : null}
          </p>
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div className="flex gap-1">
              <dt className="text-muted">In escrow:</dt>
              <dd className="font-semibold">{formatMoney(c.funds.held, c.currency)}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-muted">Paid so far:</dt>
              <dd>{formatMoney(c.funds.released, c.currency)}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-muted">{c.endedAt ? "Ended" : c.acceptedAt ? "Started" : "Offered"}:</dt>
              <dd>
                <LocalTime value={c.endedAt ?? c.acceptedAt ?? c.createdAt} />
              </dd>
            </div>
          </dl>
        </div>
        <div className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
          <p className="text-sm">
            <span className="text-muted">Next: </span>
            <span className={mine ? "font-semibold" : undefined}>{c.nextAction.label}</span>
          </p>
          <Link to={`/contracts/${c.id}`} className={buttonClass(mine ? "primary" : "secondary", "sm")}>
            {mine ? c.nextAction.label : "Open"}
            <span className="sr-only"> — {c.title}</span>
          </Link>
        </div>
      </article>
    </li>
  );
}

/** One side's contracts: tabs for offers, active and ended work (with counts), a search, and each contract's next step. */
export function ContractsList({
  role,
  tab,
  q,
  counts,
  items,
  total,
  nextCursor,
}: {
  role: "client" | "freelancer";
  tab: Tab;
  q: string;
  counts: Record<Tab, number>;
  items: ContractRow[];
  total: number;
  nextCursor: string | null;
}) {
  const [params] = useSearchParams();
  const base = `/${role}/contracts`;
  const search = (t: Tab) => `${base}?tab=${t}${q ? `&q=${encodeURIComponent(q)}` : ""}`;
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Contracts</h1>
        <p className="text-muted mt-1">
          {role === "client"
            ? "Every offer you sent and every contract you hired for, with what is held in escrow and what to do next."
            : "Offers from clients and the contracts you work on, with what is held for you in escrow and what to do next."}
        </p>
      </div>
      {params.get("sent") ? (
        <Alert tone="success" title="Offer sent">
          The freelancer is notified. The offer waits here until they accept or decline it; you can still adjust its terms.
        </Alert>
      ) : null}
      <LinkTabs
        label="Contract status"
        tabs={(["offered", "active", "ended"] as const).map((t) => ({
          to: search(t),
          label: TAB_LABELS[t],
          count: counts[t],
          current: t === tab,
        }))}
      />
      <Form method="get" role="search" aria-label="Contracts" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="tab" value={tab} />
        <div className="min-w-0 flex-1 basis-60">
          <label htmlFor="contracts-q" className="block text-sm font-medium">
            Search contracts
          </label>
          <input
            id="contracts-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            placeholder={role === "client" ? "Title or freelancer" : "Title or client"}
            className={`${inputClass} mt-1`}
          />
        </div>
        <Button variant="secondary">Search</Button>
        {q ? (
          <Link to={`${base}?tab=${tab}`} className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </Form>
      <Card>
        <p role="status" className="text-muted text-sm">
          {total === 1 ? "1 contract" : `${total} contracts`}
          {q ? ` matching “${q}”` : ""} in {TAB_LABELS[tab]}
        </p>
        {items.length === 0 ? (
          <div className="mt-4">
            <EmptyState title={q ? "No contracts match" : `No ${TAB_LABELS[tab].toLowerCase()} contracts`}>
              {q ? "Try other words." : EMPTY[role][tab]}
            </EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-[var(--border)]" aria-label={`${TAB_LABELS[tab]} contracts`}>
            {items.map((c) => (
              <Row key={c.id} c={c} role={role} />
            ))}
          </ul>
        )}
        <CursorPager nextCursor={nextCursor} label="Contract pages" />
      </Card>
    </div>
  );
}
