import type { MessageView } from "../../../party/messages";
import type { User } from "../../../db/schema";
import type { DomainContext } from "../context";
import { AppError } from "../errors";
import { storeUploads, type FileBucket, type UploadedFile } from "../files/uploads";
import { requireMembership } from "./conversations";
import { ATTACHMENTS_PER_MESSAGE_MAX } from "./inputs";
import { sendMessage } from "./messages";

/**
 * A message from the conversation page's form: its files are stored in R2 (types read from the bytes, sizes
 * bounded), then sent as the message's attachments, readable only by the conversation's two members.
 */
export async function sendMessageWithUploads(
  ctx: DomainContext,
  bucket: FileBucket,
  sender: User,
  conversationId: string,
  input: { body: string; files: UploadedFile[] },
): Promise<MessageView> {
  await requireMembership(ctx, conversationId, sender.id);
  if (input.files.length > ATTACHMENTS_PER_MESSAGE_MAX) {
    throw new AppError(422, "validation_failed", `Attach at most ${ATTACHMENTS_PER_MESSAGE_MAX} files to a message.`, {
      attachments: [`At most ${ATTACHMENTS_PER_MESSAGE_MAX} files.`],
    });
  }
  if (!input.body.trim() && input.files.length === 0) {
    throw new AppError(422, "validation_failed", "Write a message first.", { body: ["Write a message first."] });
  }
  const stored = await storeUploads(ctx, bucket, sender, input.files);
  return sendMessage(ctx, sender.id, conversationId, {
    body: input.body,
    attachments: stored.map((file) => ({ key: file.key, name: file.name ?? undefined })),
  });
}
