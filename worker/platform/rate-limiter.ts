import { DurableObject } from "cloudflare:workers";
import type { RateDecision, RateLimiter } from "../domain/context";

/** One object per limited key (account, IP, mailbox): a sliding log of hit times. */
export class RateLimiterObject extends DurableObject {
  async hit(limit: number, windowMs: number, nowMs: number = Date.now()): Promise<RateDecision> {
    const hits = await this.recent(windowMs, nowMs);
    hits.push(nowMs);
    await this.ctx.storage.put("hits", hits);
    await this.ctx.storage.setAlarm(nowMs + windowMs);
    return decide(hits, limit, windowMs, nowMs);
  }

  async peek(limit: number, windowMs: number, nowMs: number = Date.now()): Promise<RateDecision> {
    return decide(await this.recent(windowMs, nowMs), limit, windowMs, nowMs);
  }

  async reset(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  /** Forget everything once the window has passed, so idle keys cost no storage. */
  async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  private async recent(windowMs: number, nowMs: number): Promise<number[]> {
    const hits = (await this.ctx.storage.get<number[]>("hits")) ?? [];
    return hits.filter((t) => t > nowMs - windowMs);
  }
}

function decide(hits: number[], limit: number, windowMs: number, nowMs: number): RateDecision {
  const limited = hits.length > limit;
  // The window frees a slot when the oldest hit that keeps us over the limit ages out.
  const pivot = hits[hits.length - limit - 1];
  const retryAfterSeconds = limited && pivot !== undefined ? Math.max(1, Math.ceil((pivot + windowMs - nowMs) / 1000)) : 0;
  return { limited, count: hits.length, retryAfterSeconds };
}

export function durableRateLimiter(namespace: DurableObjectNamespace<RateLimiterObject>): RateLimiter {
  const stub = (key: string) => namespace.get(namespace.idFromName(key));
  return {
    hit: (key, limit, windowMs) => stub(key).hit(limit, windowMs),
    peek: (key, limit, windowMs) => stub(key).peek(limit, windowMs),
    reset: (key) => stub(key).reset(),
  };
}
