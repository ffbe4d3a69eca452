/** What room servers send to browsers; every message is JSON keyed on `type`. */
export type PresenceServerMessage = { type: "count"; count: number };
