/** Conversations and files in the demo story: stored and sent the way the app stores and sends them. */
import type { Viewer } from "../../../worker/domain/auth/sessions";
import { storeUpload } from "../../../worker/domain/files/uploads";
import type { FileView } from "../../../worker/domain/shared/file-records";
import { startConversation } from "../../../worker/domain/messaging/conversations";
import { sendMessage } from "../../../worker/domain/messaging/messages";
import type { StoryContext } from "./context";
import type { Moment } from "./hire";

export interface Attachment {
  name: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
}

export interface Line {
  from: Viewer;
  at: Moment;
  body: string;
  /** Uploaded by the sender just before the line is sent. */
  attach?: Attachment;
}

/** The owner uploads a file now (at the story's current moment). */
export async function upload(s: StoryContext, owner: Viewer, file: Attachment): Promise<FileView> {
  return storeUpload(s.ctx, s.bucket, owner.user, { bytes: await file.bytes(), filename: file.name });
}

/**
 * The opener starts (or finds) the conversation about a project or contract and both sides write their lines.
 * Sending marks what came before as read by the sender, so what the other side wrote last stays unread.
 */
export async function converse(
  s: StoryContext,
  opener: Viewer,
  other: Viewer,
  subject: { projectId?: string; contractId?: string },
  lines: Line[],
): Promise<string> {
  await s.at(...lines[0].at);
  const { conversation } = await startConversation(s.ctx, opener, { participantId: other.user.id, ...subject });
  for (const line of lines) {
    await s.at(...line.at);
    const file = line.attach ? await upload(s, line.from, line.attach) : null;
    const attachments = file
      ? [{ key: file.key, name: file.name ?? line.attach!.name, contentType: file.contentType, size: file.size }]
      : [];
    await sendMessage(s.ctx, line.from.user.id, conversation.id, { body: line.body, attachments });
  }
  return conversation.id;
}
