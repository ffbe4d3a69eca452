import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useLoaderData } from "@remix-run/react";
import { PresenceDot } from "~/components/presence/presence-dot";
import { RouteError } from "~/components/route-error";
import { Avatar } from "~/components/ui/avatar";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { LocalTime } from "~/components/ui/local-time";
import { requireUser } from "~/utils/auth.server";
import { domainFrom } from "~/utils/domain.server";
import { listConversations } from "~/utils/messaging.server";

const SUBJECT_LABELS = { contract: "Contract", proposal: "Proposal", project: "Project", direct: "Direct" } as const;

function preview(message: { body: string; attachments: unknown[] } | null): string {
  if (!message) return "No messages yet";
  if (message.body) return message.body;
  return message.attachments.length === 1 ? "Sent a file" : `Sent ${message.attachments.length} files`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  return listConversations(domainFrom(context), viewer.user.id, { cursor, limit: 20 });
}

export default function ConversationList() {
  const { items, nextCursor } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Messages</h1>
      <Card>
        {items.length === 0 ? (
          <EmptyState title="No conversations yet">
            Conversations start from a proposal, a contract, or when a client invites a freelancer from their profile.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-[color:var(--border)]">
            {items.map((conversation) => (
              <li key={conversation.id}>
                <Link
                  to={`/messages/${conversation.id}`}
                  className="flex items-start gap-3 rounded-control px-2 py-3 hover:bg-black/5 dark:hover:bg-white/10"
                >
                  <Avatar name={conversation.otherParticipant.name} photoUrl={conversation.otherParticipant.photoUrl} size="md" />
                  <div className="min-w-0 flex-1">
                    <p className="flex items-center gap-2 font-semibold">
                      <span className="truncate">{conversation.otherParticipant.name}</span>
                      <PresenceDot userId={conversation.otherParticipant.id} compact />
                      {conversation.unreadCount > 0 ? <Badge tone="brand">{conversation.unreadCount} unread</Badge> : null}
                    </p>
                    {conversation.subject.title ? (
                      <p className="truncate text-sm">
                        {SUBJECT_LABELS[conversation.subject.kind]}: {conversation.subject.title}
                      </p>
                    ) : null}
                    <p className="text-muted truncate text-sm">{preview(conversation.lastMessage)}</p>
                  </div>
                  <span className="text-muted shrink-0 text-xs">
                    <LocalTime value={conversation.lastActivityAt} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {nextCursor ? (
        <Link to={`?cursor=${encodeURIComponent(nextCursor)}`} className={buttonClass("secondary")}>
          Older conversations
        </Link>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
