import { env, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callRecordings } from "../db/schema";
import { chunkKey } from "../worker/domain/recordings/rules";
import { domainContextFromEnv } from "../worker/platform/domain-context";
import { call } from "../worker/test-support/api";
import { callAction, ringingCall } from "../worker/test-support/calls";
import { createTestUser, joinRoom, type TestSocket, type TestUser } from "../worker/test-support/messaging";

const quiet = { muted: false, cameraOff: false, sharingScreen: false };
const db = () => domainContextFromEnv(env).db;
const stored = async (callId: string) => db().select().from(callRecordings).where(eq(callRecordings.callId, callId));

async function joinCall(socket: TestSocket): Promise<string> {
  const welcome = await socket.next((m) => m.type === "welcome");
  expect(welcome.recording).toEqual({ phase: "off" });
  socket.socket.send(JSON.stringify({ type: "join", state: quiet }));
  return welcome.peerId as string;
}

const recordingUpdate = (socket: TestSocket, phase: string) => socket.next((m) => m.type === "recording" && m.recording.phase === phase);

/** A WebM-looking first piece (EBML magic) and plain later pieces. */
const piece = (seq: number, size = 1000) => {
  const bytes = new Uint8Array(size).map((_, i) => (i * 7 + seq) % 251);
  if (seq === 0) bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  return bytes;
};

async function upload(user: TestUser, recordingId: string, seq: number, body: Uint8Array, contentType = "video/webm;codecs=vp8,opus") {
  const res = await SELF.fetch(`http://localhost/api/recordings/${recordingId}/chunks/${seq}`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${user.accessToken}`, "Content-Type": contentType },
    body: body as unknown as BodyInit,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function activeCallInRoom() {
  const pair = await ringingCall();
  await callAction(pair.freelancer, pair.call.id, "accept");
  const room = `call:${pair.call.id}`;
  const a = await joinRoom(pair.client, room);
  const aPeer = await joinCall(a);
  const b = await joinRoom(pair.freelancer, room);
  await joinCall(b);
  await a.next((m) => m.type === "joined");
  return { ...pair, a, b, aPeer };
}

describe("call recording", () => {
  it("starts only when everyone in the call agreed, and everyone sees that it is on", async () => {
    const { client, freelancer, call: started, a, b, aPeer } = await activeCallInRoom();
    a.socket.send(JSON.stringify({ type: "record-ask", kind: "video" }));
    const asking = await recordingUpdate(b, "asking");
    expect(asking.recording).toMatchObject({
      kind: "video",
      requestedBy: client.user.id,
      recorderPeerId: aPeer,
      waitingFor: [freelancer.user.id],
    });
    await recordingUpdate(a, "asking");
    // Asking records nothing, and someone else's second "yes" cannot stand in for the freelancer's.
    a.socket.send(JSON.stringify({ type: "record-answer", agree: true }));
    await recordingUpdate(a, "asking");
    expect(await stored(started.id)).toEqual([]);

    b.socket.send(JSON.stringify({ type: "record-answer", agree: true }));
    const on = await recordingUpdate(a, "on");
    expect((await recordingUpdate(b, "on")).recording).toEqual(on.recording);
    const [row] = await stored(started.id);
    expect(row).toMatchObject({ id: on.recording.recordingId, status: "recording", kind: "video", recordedBy: client.user.id });

    b.socket.send(JSON.stringify({ type: "record-stop" }));
    expect((await recordingUpdate(a, "off")).recording.note).toEqual({
      reason: "stopped",
      userId: freelancer.user.id,
      recordingId: row.id,
    });
    expect((await stored(started.id))[0].status).toBe("ready");
    for (const s of [a, b]) s.socket.close(1000);
  });

  it("a refusal ends the question and records nothing", async () => {
    const { freelancer, call: started, a, b } = await activeCallInRoom();
    a.socket.send(JSON.stringify({ type: "record-ask", kind: "audio" }));
    await recordingUpdate(b, "asking");
    b.socket.send(JSON.stringify({ type: "record-answer", agree: false }));
    expect((await recordingUpdate(a, "off")).recording.note).toEqual({ reason: "refused", userId: freelancer.user.id });
    expect(await stored(started.id)).toEqual([]);
    for (const s of [a, b]) s.socket.close(1000);
  });

  it("uploads in pieces during the call; plays back and downloads for its participants only; refuses wrong pieces without change", async () => {
    const { client, freelancer, conversationId, call: started, a, b } = await activeCallInRoom();
    a.socket.send(JSON.stringify({ type: "record-ask", kind: "video" }));
    await recordingUpdate(b, "asking");
    b.socket.send(JSON.stringify({ type: "record-answer", agree: true }));
    const id = (await recordingUpdate(a, "on")).recording.recordingId as string;
    const stranger = await createTestUser(env, { roles: ["client"] });

    const first = await upload(client, id, 0, piece(0));
    expect(first.status).toBe(200);
    expect(first.body.recording).toMatchObject({ id, status: "recording", bytes: 1000 });
    const before = await stored(started.id);
    const refusals: [TestUser, number, Uint8Array, string, number, string][] = [
      [freelancer, 1, piece(1), "video/webm", 403, "forbidden"],
      [stranger, 1, piece(1), "video/webm", 404, "not_found"],
      [client, 1, piece(1), "audio/webm", 415, "unsupported_file_type"],
      [client, 1, piece(1), "application/pdf", 415, "unsupported_file_type"],
      [client, 1, new Uint8Array(0), "video/webm", 422, "empty_file"],
      [client, 1, new Uint8Array(8 * 1024 * 1024 + 1), "video/webm", 413, "file_too_large"],
      [client, 3, piece(3), "video/webm", 409, "chunk_out_of_order"],
    ];
    for (const [user, seq, body, type, status, code] of refusals) {
      const res = await upload(user, id, seq, body, type);
      expect(res.status, `${code} for piece ${seq}`).toBe(status);
      expect(res.body.error.code).toBe(code);
      if (status !== 404 && status !== 403) expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    expect(await stored(started.id)).toEqual(before);
    expect((await upload(client, id, 1, piece(1, 500))).status).toBe(200);
    // A retried piece (its answer was lost) is acknowledged and stored once.
    expect((await upload(client, id, 1, piece(1, 500))).body.recording.bytes).toBe(1500);

    b.socket.send(JSON.stringify({ type: "leave" }));
    a.socket.send(JSON.stringify({ type: "leave" }));
    // The recorder left: the recording is finished; a last piece still in flight is taken for a minute.
    await a.next((m) => m.type === "recording" && m.recording.phase === "off").catch(() => null);
    expect((await upload(client, id, 2, piece(2, 250))).status).toBe(200);

    const listed = await call(`/api/conversations/${conversationId}/recordings`, { token: freelancer.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      id,
      callId: started.id,
      kind: "video",
      contentType: "video/webm",
      bytes: 1750,
      recordedBy: { id: client.user.id },
      deletedAt: null,
      fileUrl: `/api/recordings/${id}/file`,
      downloadUrl: `/api/recordings/${id}/file?download=1`,
    });
    expect(listed.body.items[0].participants.map((p: { id: string }) => p.id).sort()).toEqual([client.user.id, freelancer.user.id].sort());
    expect(Date.parse(listed.body.items[0].expiresAt) - Date.parse(listed.body.items[0].startedAt)).toBe(30 * 24 * 60 * 60 * 1000);

    const file = await SELF.fetch(`http://localhost/api/recordings/${id}/file`, {
      headers: { Authorization: `Bearer ${freelancer.accessToken}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("video/webm");
    expect(file.headers.get("Content-Disposition")).toMatch(/^inline/);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes]).toEqual([...piece(0), ...piece(1, 500), ...piece(2, 250)]);
    const download = await SELF.fetch(`http://localhost/api/recordings/${id}/file?download=1`, {
      headers: { Authorization: `Bearer ${client.accessToken}` },
    });
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; filename="call-recording-/);
    await download.arrayBuffer();
    const strangerFile = await SELF.fetch(`http://localhost/api/recordings/${id}/file`, {
      headers: { Authorization: `Bearer ${stranger.accessToken}` },
    });
    expect(strangerFile.status).toBe(404);
    await strangerFile.arrayBuffer();
    expect((await call(`/api/conversations/${conversationId}/recordings`, { token: stranger.accessToken })).status).toBe(404);
    expect(await env.FILES.head(chunkKey(id, 0))).not.toBeNull();
    for (const s of [a, b]) s.socket.close(1000);
  });
});
