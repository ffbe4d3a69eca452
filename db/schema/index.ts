export * from "./users";
export * from "./sessions";
export * from "./events";
export * from "./auth";
export * from "./marketplace";
export * from "./messaging";
export * from "./contract-terms";
export * from "./money";
