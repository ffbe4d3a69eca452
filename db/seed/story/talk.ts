/** Conversations and files in the demo story: stored and sent the way the app stores and sends them. */
import type { Viewer } from "../../../worker/domain/auth/sessions";
import { storeUpload, type FileBucket } from "../../../worker/domain/files/uploads";
import type { FileView } from "../../../worker/domain/files/records";
import { startConversation } from "../../../worker/domain/messaging/conversations";
import { sendMessage } from "../../../worker/domain/messaging/messages";
import type { StoryContext } from "./context";
import type { Moment } from "./hire";

export interface Line {
  from: Viewer;
  at: Moment;
  body: string;
  files?: FileView[];
}

export async function upload(s: StoryContext, owner: Viewer, at: Moment, bytes: Uint8Array, filename: string): Promise<FileView> {
  s.at(...at);
  return storeUpload(s.ctx, s.bucket as FileBucket, owner.user, { bytes, filename });
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
  s.at(...lines[0].at);
  const { conversation } = await startConversation(s.ctx, opener, { participantId: other.user.id, ...subject });
  for (const line of lines) {
    s.at(...line.at);
    const attachments = line.files?.map((f) => ({ key: f.key, name: f.name ?? "file", contentType: f.contentType, size: f.size }));
    await sendMessage(s.ctx, line.from.user.id, conversation.id, { body: line.body, attachments });
  }
  return conversation.id;
}
