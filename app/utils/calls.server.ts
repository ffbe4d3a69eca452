// The calls domain functions the call pages use, behind a .server name so they stay out of the browser bundle.
export { acceptCall, declineCall, endCall, getCall, listConversationCalls, liveCallFor, startCall } from "../../worker/domain/calls/calls";
export { startCallInput } from "../../worker/domain/calls/inputs";
