// The meetings and recordings domain functions the pages use, behind a .server name so they stay out of the browser bundle.
export {
  acceptMeeting,
  declineMeeting,
  getMeeting,
  knownTimeZone,
  listMeetings,
  meetingPartner,
  proposeMeeting,
  rescheduleMeeting,
  upcomingMeetings,
} from "../../worker/domain/meetings/meetings";
export { proposeMeetingInput, rescheduleMeetingInput } from "../../worker/domain/meetings/inputs";
export { listConversationRecordings } from "../../worker/domain/recordings/recordings";
