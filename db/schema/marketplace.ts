export * from "./marketplace-taxonomy";
export * from "./marketplace-files";
export * from "./marketplace-profiles";
export * from "./marketplace-projects";
export * from "./marketplace-social";
export * from "./proposal-events";
