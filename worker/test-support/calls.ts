/** Fixtures for call tests: a conversation pair with a call started by the client. */
import { expect } from "vitest";
import type { CallView } from "../../party/call-messages";
import { call } from "./api";
import { conversationPair, type Pair, type TestUser } from "./messaging";

export async function startCallAs(user: TestUser, body: { conversationId?: string; contractId?: string }): Promise<CallView> {
  const res = await call("/api/calls", { token: user.accessToken, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.call as CallView;
}

export async function callAction(user: TestUser, callId: string, action: "accept" | "decline" | "end") {
  return call<{ call: CallView }>(`/api/calls/${callId}/${action}`, { token: user.accessToken, method: "POST" });
}

/** A client and a freelancer in a conversation, with a call the client started (ringing). */
export async function ringingCall(): Promise<Pair & { call: CallView }> {
  const pair = await conversationPair();
  return { ...pair, call: await startCallAs(pair.client, { conversationId: pair.conversationId }) };
}

/** Polls GET /api/calls/:id until `predicate` holds (the room ends calls asynchronously). */
export async function waitForCall(user: TestUser, callId: string, predicate: (call: CallView) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call<{ call: CallView }>(`/api/calls/${callId}`, { token: user.accessToken });
    if (res.status === 200 && predicate(res.body.call)) return res.body.call;
    if (Date.now() > deadline) throw new Error(`Call never reached the expected state: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
