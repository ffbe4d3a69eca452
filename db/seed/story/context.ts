/**
 * The domain context the demo story is told through: the real domain functions over the seeded database, with a
 * clock the story moves back and forth through the past weeks, repeatable ids, the sandbox payment providers and
 * mail delivered to the local outbox at the moment the story sends it.
 */
import type { Db } from "../../client";
import { outbox } from "../../schema";
import { createDomainContext, type DomainContext } from "../../../worker/domain/context";
import type { FileBucket } from "../../../worker/domain/files/uploads";
import { sandboxProviders } from "../../../worker/platform/payments";
import { rngFor, seededId } from "../market-random";
import { Timeline } from "./timeline";

export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

export interface StoryContext {
  ctx: DomainContext;
  bucket: FileBucket;
  /** `days` days before the seed's day, at `hour`:`minute` UTC; moments today are never after the seed runs. */
  moment(days: number, hour: number, minute?: number): Date;
  /** Waits until the story reaches that moment (see Timeline); the clock then reads it. */
  at(days: number, hour: number, minute?: number): Promise<Date>;
  /** Tells the chapters side by side, in the order of their moments. */
  tell(chapters: Array<() => Promise<unknown>>): Promise<void>;
  /** Starts a thread alongside the current one (each thread moves forward in time on its own). */
  fork(thread: () => Promise<unknown>): void;
  /** The seed's own moment: the story never goes past it. */
  now: Date;
}

export function storyContext(db: Db, bucket: FileBucket, options: { now: Date; seed: number; appOrigin: string }): StoryContext {
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  let clock = options.now.getTime();
  const rng = rngFor(options.seed, "story", 0);
  let serial = 0;
  const ctx = createDomainContext({
    db,
    clock: { now: () => new Date(clock) },
    newId: () => seededId(clock, rng, "S", serial++),
    // The domain logs what it swallows (an invoice it could not issue, a notification it could not send): the
    // story must not swallow anything, so a log line fails the seed.
    log: (message, data) => {
      throw new Error(`the demo story hit "${message}": ${JSON.stringify(data)}`);
    },
    config: { appOrigin: options.appOrigin, secret: "demo-story-seed-secret-not-used-for-signing" },
    rateLimiter: {
      hit: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
      peek: async () => ({ limited: false, count: 0, retryAfterSeconds: 0 }),
      reset: async () => {},
    },
    // What the email queue's consumer does (worker/jobs/queue.ts), at the story's time.
    sendEmail: async (message) => {
      await db.insert(outbox).values({
        id: seededId(clock, rng, "M", serial++),
        toAddress: message.to,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html ?? null,
        template: message.template,
        provider: "outbox",
        createdAt: new Date(clock),
      });
    },
    payments: sandboxProviders(),
  });
  const moment = (days: number, hour: number, minute = 0) =>
    new Date(Math.min(today - days * DAY_MS + hour * HOUR_MS + minute * 60_000, options.now.getTime() - 60_000));
  const timeline = new Timeline((ms) => void (clock = ms));
  return {
    ctx,
    bucket,
    now: options.now,
    moment,
    async at(days, hour, minute = 0) {
      const when = moment(days, hour, minute);
      await timeline.wait(when.getTime());
      return when;
    },
    tell: (chapters) => timeline.tell(chapters),
    fork: (thread) => timeline.fork(thread),
  };
}
