import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/cloudflare";
import { Link, useActionData, useFetcher, useLoaderData } from "@remix-run/react";
import { WebSocket as ReconnectingWebSocket } from "partysocket";
import { useEffect, useRef, useState } from "react";
import type { ConversationServerMessage, MessageView } from "../../party/messages";
import { CallHistory } from "~/components/calls/call-history";
import { StartCallButton } from "~/components/calls/start-call-button";
import { RecordingHistory } from "~/components/calls/recording-history";
import { ProposeMeetingLink } from "~/components/meetings/propose-meeting-link";
import { listConversationRecordings } from "~/utils/meetings.server";
import { PresenceDot } from "~/components/presence/presence-dot";
import { RouteError } from "~/components/route-error";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { LocalTime } from "~/components/ui/local-time";
import { TheirLocalTime, firstName } from "~/components/ui/their-local-time";
import { requireUser } from "~/utils/auth.server";
import { listConversationCalls } from "~/utils/calls.server";
import { AppError, domainFrom, throwIfNotFound } from "~/utils/domain.server";
import { messageOf } from "~/utils/forms.server";
import {
  ATTACHMENTS_PER_MESSAGE_MAX,
  chosenFiles,
  getConversation,
  listMessages,
  markRead,
  MESSAGE_BODY_MAX_CHARS,
  readPointers,
  sendMessageWithUploads,
} from "~/utils/messaging.server";
import { AttachmentList } from "~/components/ui/attachment-list";
import { ConversationSubjectLine } from "~/components/messaging/conversation-subject";
import { Avatar } from "~/components/ui/avatar";

const PAGE_SIZE = 30;
const TYPING_SEND_EVERY_MS = 2000;
const TYPING_SHOWN_MS = 4000;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requireUser(request, context);
  const ctx = domainFrom(context);
  const id = params.id ?? "";
  const before = new URL(request.url).searchParams.get("before") ?? undefined;
  const conversation = await getConversation(ctx, viewer.user.id, id).catch((error) => {
    throwIfNotFound(error);
    throw error;
  });
  const page = await listMessages(ctx, viewer.user.id, id, { before, limit: PAGE_SIZE });
  const newest = page.items.at(-1);
  // Opening the latest messages reads them, with or without JavaScript.
  if (!before && newest && newest.senderId !== viewer.user.id && (conversation.lastReadMessageId ?? "") < newest.id) {
    await markRead(ctx, viewer.user.id, id, newest.id);
  }
  const otherRead = (await readPointers(ctx, id)).find((r) => r.userId !== viewer.user.id)?.lastReadMessageId ?? null;
  const calls = (await listConversationCalls(ctx, viewer.user.id, id, { limit: 5 })).items;
  const recordings = (await listConversationRecordings(ctx, viewer.user.id, id, { limit: 5 })).items;
  return {
    me: viewer.user.id,
    conversation,
    page,
    before: before ?? null,
    otherRead,
    bodyMax: MESSAGE_BODY_MAX_CHARS,
    filesMax: ATTACHMENTS_PER_MESSAGE_MAX,
    calls,
    recordings,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request, context);
  const id = params.id ?? "";
  const form = await request.formData();
  try {
    await sendMessageWithUploads(domainFrom(context), context.cloudflare.env.FILES, viewer.user, id, {
      body: String(form.get("body") ?? ""),
      files: await chosenFiles(form.getAll("files")),
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throwIfNotFound(error);
    const fieldError = Object.values(error.fields ?? {}).flat()[0];
    return data({ error: fieldError ?? messageOf(error) }, { status: error.status });
  }
  return redirect(`/messages/${id}`);
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function merge(current: MessageView[], incoming: MessageView[]): MessageView[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** The live room: a fresh ticket on every (re)connect, catch-up from the last message seen, typing and receipts. */
function useConversationRoom(
  loaded: Loaded,
  setMessages: (update: (m: MessageView[]) => MessageView[]) => void,
  latestId: () => string | undefined,
) {
  const { conversation, me, before } = loaded;
  const [typing, setTyping] = useState(false);
  const [otherRead, setOtherRead] = useState(loaded.otherRead);
  const [live, setLive] = useState(false);
  const socketRef = useRef<ReconnectingWebSocket | null>(null);
  const lastTypingSent = useRef(0);

  useEffect(
    () => setOtherRead((seen) => (seen && loaded.otherRead && seen > loaded.otherRead ? seen : loaded.otherRead)),
    [loaded.otherRead],
  );

  useEffect(() => {
    if (before) return;
    const id = conversation.id;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const readUpTo = (messageId: string) => {
      if (document.visibilityState === "visible") api(`/api/conversations/${id}/read`, { lastReadId: messageId }).catch(() => {});
    };
    const socket = new ReconnectingWebSocket(
      async () => (await api<{ url: string }>("/api/rooms/ticket", { room: `conversation:${id}` })).url,
      [],
      { maxRetries: Infinity },
    );
    socketRef.current = socket;
    socket.addEventListener("open", async () => {
      setLive(true);
      let after = latestId();
      while (after) {
        const page = await api<{ items: MessageView[]; nextCursor: string | null }>(
          `/api/conversations/${id}/messages?after=${after}&limit=100`,
        );
        setMessages((m) => merge(m, page.items));
        after = page.nextCursor ?? undefined;
      }
    });
    socket.addEventListener("close", () => setLive(false));
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as ConversationServerMessage;
      switch (message.type) {
        case "message":
          setMessages((m) => merge(m, [message.message]));
          if (message.message.senderId !== me) {
            setTyping(false);
            readUpTo(message.message.id);
          }
          return;
        case "typing":
          setTyping(true);
          clearTimeout(typingTimer);
          typingTimer = setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
          return;
        case "read":
          if (message.userId !== me) setOtherRead(message.lastReadId);
          return;
        default:
          message satisfies never;
      }
    });
    return () => {
      clearTimeout(typingTimer);
      socketRef.current = null;
      socket.close();
    };
  }, [conversation.id, me, before]); // eslint-disable-line react-hooks/exhaustive-deps

  const sendTyping = () => {
    const socket = socketRef.current;
    if (!socket || socket.readyState !== socket.OPEN || Date.now() - lastTypingSent.current < TYPING_SEND_EVERY_MS) return;
    lastTypingSent.current = Date.now();
    socket.send(JSON.stringify({ type: "typing" }));
  };
  return { typing, otherRead, live, sendTyping };
}

export default function ConversationPage() {
  const loaded = useLoaderData<typeof loader>();
  const { me, conversation, page, before } = loaded;
  const other = conversation.otherParticipant;
  const [messages, setMessages] = useState(page.items);
  const [olderCursor, setOlderCursor] = useState(page.nextCursor);
  const latest = useRef<string | undefined>(page.items.at(-1)?.id);
  latest.current = messages.at(-1)?.id;
  useEffect(() => setMessages((m) => merge(m, page.items)), [page.items]);
  const { typing, otherRead, live, sendTyping } = useConversationRoom(loaded, setMessages, () => latest.current);
  const fetcher = useFetcher<typeof action>();
  const actionData = useActionData<typeof action>();
  const error = (fetcher.data ?? actionData)?.error;
  const form = useRef<HTMLFormElement>(null);
  const submitting = fetcher.state !== "idle";
  useEffect(() => {
    if (fetcher.state === "idle" && !fetcher.data?.error) form.current?.reset();
  }, [fetcher.state, fetcher.data]);

  const loadOlder = async (event: React.MouseEvent) => {
    if (!olderCursor || before) return;
    event.preventDefault();
    const older = await api<{ items: MessageView[]; nextCursor: string | null }>(
      `/api/conversations/${conversation.id}/messages?before=${olderCursor}&limit=${PAGE_SIZE}`,
    );
    setMessages((m) => merge(m, older.items));
    setOlderCursor(older.nextCursor);
  };
  const seenId = otherRead ? messages.filter((m) => m.senderId === me && m.id <= otherRead).at(-1)?.id : undefined;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div className="flex min-w-0 items-center gap-3">
          <Avatar name={other.name} photoUrl={other.photoUrl} size="md" />
          <h1 className="min-w-0 text-2xl font-bold tracking-tight break-words">{other.name}</h1>
        </div>
        <p className="text-muted text-sm">
          <PresenceDot userId={other.id} />
          {live ? <span className="sr-only"> — live updates on</span> : null}
        </p>
        <div className="flex flex-wrap gap-2">
          <StartCallButton conversationId={conversation.id} />
          <ProposeMeetingLink conversationId={conversation.id} />
        </div>
      </div>
      <ConversationSubjectLine subject={conversation.subject} />
      <TheirLocalTime name={firstName(other.name)} timeZone={other.timeZone} />
      <Link to="/messages" className="text-sm font-medium text-brand-600 underline dark:text-brand-100">
        All conversations
      </Link>
      {olderCursor ? (
        <Link to={`?before=${olderCursor}`} onClick={loadOlder} className={buttonClass("secondary", "sm", "self-center")}>
          Load older messages
        </Link>
      ) : null}
      {before ? (
        <Link to={`/messages/${conversation.id}`} className={buttonClass("secondary", "sm", "self-center")}>
          Back to the latest messages
        </Link>
      ) : null}
      <CallHistory calls={loaded.calls} me={me} conversationId={conversation.id} />
      <RecordingHistory recordings={loaded.recordings} />
      <div role="log" aria-label="Messages" className="border-subtle surface rounded-card border p-4">
        {messages.length === 0 ? <p className="text-muted text-sm">No messages yet. Say hello.</p> : null}
        <ol className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className={m.senderId === me ? "ml-auto max-w-[85%] text-right" : "mr-auto max-w-[85%]"}>
              <p className="text-muted text-xs">
                {m.senderId === me ? "You" : other.name} · <LocalTime value={m.createdAt} />
              </p>
              {m.body ? (
                <p
                  className={`mt-1 inline-block max-w-full whitespace-pre-wrap break-words rounded-card px-3 py-2 text-left ${m.senderId === me ? "bg-brand-600 text-white" : "bg-black/5 dark:bg-white/10"}`}
                >
                  {m.body}
                </p>
              ) : null}
              <AttachmentList items={m.attachments} align={m.senderId === me ? "end" : "start"} />
              {m.id === seenId ? <p className="text-muted text-xs">Seen</p> : null}
            </li>
          ))}
        </ol>
      </div>
      <p role="status" className="text-muted min-h-5 text-sm">
        {typing ? `${other.name} is typing…` : ""}
      </p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <fetcher.Form ref={form} method="post" encType="multipart/form-data" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <label htmlFor="message-body" className="block text-sm font-medium">
            Message
          </label>
          <textarea
            id="message-body"
            name="body"
            rows={2}
            maxLength={loaded.bodyMax}
            onInput={sendTyping}
            className={`${inputClass} mt-1`}
          />
          <label htmlFor="message-files" className="mt-2 block text-sm font-medium">
            Attach files <span className="text-muted font-normal">(images up to 5 MB, PDFs up to 10 MB, at most {loaded.filesMax})</span>
          </label>
          <input
            id="message-files"
            name="files"
            type="file"
            multiple
            accept="image/png,image/jpeg,image/webp,image/gif,application/pdf"
            className="mt-1 block w-full max-w-full text-sm"
          />
        </div>
        <Button type="submit" disabled={submitting}>
          {submitting ? "Sending…" : "Send"}
        </Button>
      </fetcher.Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
