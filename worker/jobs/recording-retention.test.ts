import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callRecordings } from "../../db/schema";
import { call } from "../test-support/api";
import { callAction, ringingCall } from "../test-support/calls";
import { testContext } from "../test-support/context";
import { runTask } from "./tasks";
import { startRecording, storeRecordingChunk } from "../domain/recordings/recordings";
import { chunkKey, RECORDING_RETENTION_MS } from "../domain/recordings/rules";

const DAY_MS = 24 * 60 * 60 * 1000;

async function recordedCall(startedAt: Date) {
  const pair = await ringingCall();
  await callAction(pair.freelancer, pair.call.id, "accept");
  const { ctx } = testContext(env, { now: startedAt });
  const agreedBy = [pair.client.user.id, pair.freelancer.user.id];
  const recording = await startRecording(ctx, pair.call.id, { recordedBy: pair.client.user.id, kind: "audio", agreedBy });
  const first = new Uint8Array(600).fill(7);
  first.set([0x1a, 0x45, 0xdf, 0xa3]);
  await storeRecordingChunk(ctx, pair.client.user.id, recording.id, { seq: 0, contentType: "audio/webm", bytes: first });
  await storeRecordingChunk(ctx, pair.client.user.id, recording.id, {
    seq: 1,
    contentType: "audio/webm",
    bytes: new Uint8Array(300).fill(9),
  });
  return { ...pair, recordingId: recording.id };
}

describe("recordings are kept 30 days", () => {
  it("the daily task deletes a recording's bytes after 30 days and the history says so; a younger one stays", async () => {
    const now = Date.now();
    const old = await recordedCall(new Date(now - RECORDING_RETENTION_MS - DAY_MS));
    const young = await recordedCall(new Date(now - RECORDING_RETENTION_MS + DAY_MS));
    const { ctx } = testContext(env, { now: new Date(now) });
    const result = await runTask(ctx, "daily.digest");
    expect(result.summary).toMatch(/deleted [1-9]\d* call recordings past 30 days/);

    const [gone] = await ctx.db.select().from(callRecordings).where(eq(callRecordings.id, old.recordingId));
    expect(gone).toMatchObject({ status: "deleted", deletedAt: new Date(now) });
    for (const seq of [0, 1]) expect(await env.FILES.head(chunkKey(old.recordingId, seq))).toBeNull();
    const history = await call(`/api/conversations/${old.conversationId}/recordings`, { token: old.freelancer.accessToken });
    expect(history.body.items).toEqual([
      expect.objectContaining({
        id: old.recordingId,
        status: "deleted",
        deletedAt: new Date(now).toISOString(),
        fileUrl: null,
        downloadUrl: null,
      }),
    ]);
    const file = await call(`/api/recordings/${old.recordingId}/file`, { token: old.client.accessToken });
    expect(file.status).toBe(410);
    expect(file.body.error.code).toBe("recording_deleted");

    const [kept] = await ctx.db.select().from(callRecordings).where(eq(callRecordings.id, young.recordingId));
    expect(kept.status).not.toBe("deleted");
    expect(await env.FILES.head(chunkKey(young.recordingId, 1))).not.toBeNull();
    const playable = await SELF.fetch(`http://localhost/api/recordings/${young.recordingId}/file`, {
      headers: { Authorization: `Bearer ${young.freelancer.accessToken}` },
    });
    expect(playable.status).toBe(200);
    expect((await playable.arrayBuffer()).byteLength).toBe(900);
  });
});
