// The messaging domain functions the /messages pages call, behind a .server name so they stay out of the browser bundle.
export { getConversation, listConversations, readPointers } from "../../worker/domain/messaging/conversations";
export { listMessages, markRead, sendMessage } from "../../worker/domain/messaging/messages";
export { ATTACHMENTS_PER_MESSAGE_MAX, MESSAGE_BODY_MAX_CHARS } from "../../worker/domain/messaging/inputs";
export { sendMessageWithUploads } from "../../worker/domain/messaging/uploads";
export { chosenFiles } from "../../worker/domain/files/uploads";
export { openConversationFrom } from "../../worker/domain/messaging/invite";
