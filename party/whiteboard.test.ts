import { env, runInDurableObject } from "cloudflare:test";
import { getServerByName } from "partyserver";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseRoom } from "../worker/domain/rooms/names";
import { ROOM_TICKET_TTL_MS, signRoomTicket } from "../worker/domain/rooms/tickets";
import { readVars } from "../worker/env";
import { call } from "../worker/test-support/api";
import { createTestUser, ticketFor, upgrade } from "../worker/test-support/messaging";
import { contractParties, joinBoard } from "../worker/test-support/whiteboard";
import { shapeViews, startStroke, extendStroke, addShape } from "./whiteboard-model";
import { DEAD_AFTER_MS, DEAD_SOCKET_CLOSE } from "./heartbeat";
import { BoardStore } from "./whiteboard-store";
import type { WhiteboardRoom } from "./whiteboard";

const ids = (doc: Y.Doc) => shapeViews(doc).map((s) => s.id);
const style = (id: string) => ({ id, author: "test", color: "#16a34a", width: 3 });

describe("whiteboard room whiteboard:<contractId>", () => {
  it("gives tickets to the contract's two parties only", async () => {
    const { contractId, client, freelancer } = await contractParties();
    const stranger = await createTestUser(env, { roles: ["client", "freelancer"] });
    for (const party of [client, freelancer]) {
      const { url } = await ticketFor(party, `whiteboard:${contractId}`);
      expect(url).toMatch(new RegExp(`^ws://localhost/parties/whiteboard/${contractId}\\?ticket=`));
    }
    const refused = await call("/api/rooms/ticket", { token: stranger.accessToken, body: { room: `whiteboard:${contractId}` } });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("not_found");
    expect((await call("/api/rooms/ticket", { token: client.accessToken, body: { room: "whiteboard:no-such-contract" } })).status).toBe(
      404,
    );
    expect((await call("/api/rooms/ticket", { body: { room: `whiteboard:${contractId}` } })).status).toBe(401);
  });

  it("refuses sockets with no ticket, an expired one, or one for another board", async () => {
    const first = await contractParties();
    const second = await contractParties();
    const base = `http://localhost/parties/whiteboard/${first.contractId}`;
    const secret = readVars(env as unknown as Record<string, unknown>).SESSION_SECRET;
    const expired = await signRoomTicket(
      secret,
      first.client.user.id,
      parseRoom(`whiteboard:${first.contractId}`)!,
      Date.now() - ROOM_TICKET_TTL_MS - 1,
    );
    expect((await upgrade(base)).status).toBe(401);
    expect((await upgrade(`${base}?ticket=${expired}`)).status).toBe(401);
    const other = await ticketFor(second.client, `whiteboard:${second.contractId}`);
    const wrong = await upgrade(`${base}?ticket=${encodeURIComponent(other.ticket)}`);
    expect(wrong.status).toBe(403);
    expect(wrong.webSocket).toBeNull();
  });

  it("closes a socket that reaches the room object without the Worker's admission", async () => {
    const { contractId } = await contractParties();
    const stub = env.Whiteboard.get(env.Whiteboard.idFromName(contractId));
    const res = await stub.fetch(`http://localhost/parties/whiteboard/${contractId}`, {
      headers: { Upgrade: "websocket", "x-partykit-room": contractId },
    });
    expect(res.status).toBe(101);
    const socket = res.webSocket!;
    const closed = new Promise<number>((resolve) => socket.addEventListener("close", (e) => resolve(e.code)));
    socket.accept();
    expect(await closed).toBe(1008);
  });

  it("syncs strokes both ways between the two parties, including a stroke that grows", async () => {
    const { contractId, client, freelancer } = await contractParties();
    const ann = await joinBoard(client, contractId);
    const bob = await joinBoard(freelancer, contractId);
    await Promise.all([ann.synced, bob.synced]);
    startStroke(ann.doc, "local", style("ann-1"), { x: 10, y: 10 });
    addShape(bob.doc, "local", "rect", style("bob-1"), { x: 50, y: 50 }, { x: 90, y: 80 });
    await bob.until((doc) => ids(doc).includes("ann-1"));
    await ann.until((doc) => ids(doc).includes("bob-1"));
    extendStroke(ann.doc, "local", "ann-1", [{ x: 40, y: 40 }]);
    await bob.until((doc) => shapeViews(doc).some((s) => s.kind === "pen" && s.points.length === 4));
    expect(shapeViews(bob.doc)).toEqual(shapeViews(ann.doc));
    await ann.close();
    await bob.close();
  });

  it("keeps the board after everyone leaves and after the object is evicted, and restores it on the next visit", async () => {
    const { contractId, client, freelancer } = await contractParties();
    const ann = await joinBoard(client, contractId);
    await ann.synced;
    startStroke(ann.doc, "local", style("kept-1"), { x: 1, y: 2 });
    addShape(ann.doc, "local", "ellipse", style("kept-2"), { x: 5, y: 5 }, { x: 60, y: 70 });
    const room = await getServerByName(env.Whiteboard, contractId);
    await expect.poll(async () => ids(decoded(await room.snapshot()))).toEqual(["kept-1", "kept-2"]);
    await ann.close();

    const stub = env.Whiteboard.get(env.Whiteboard.idFromName(contractId));
    // What is in storage alone rebuilds the board.
    const stored = await runInDurableObject(stub, (_instance: WhiteboardRoom, state) => {
      const doc = new Y.Doc();
      new BoardStore(state.storage).load(doc);
      return shapeViews(doc);
    });
    expect(stored.map((s) => s.id)).toEqual(["kept-1", "kept-2"]);
    // Evict the object: the next visit starts from storage.
    await runInDurableObject(stub, (_instance, state) => state.abort("evicted by the test")).catch(() => undefined);

    const bob = await joinBoard(freelancer, contractId);
    await bob.synced;
    expect(shapeViews(bob.doc)).toEqual(stored);
    await bob.close();
  });

  it("closes a board socket whose heartbeat stopped", async () => {
    const { contractId, client } = await contractParties();
    const ann = await joinBoard(client, contractId);
    await ann.synced;
    const closed = new Promise<number>((resolve) => ann.socket.addEventListener("close", (e) => resolve(e.code)));
    const room = await getServerByName(env.Whiteboard, contractId);
    expect(await room.sweep(Date.now())).toBe(0);
    expect(await room.sweep(Date.now() + DEAD_AFTER_MS + 1000)).toBe(1);
    expect(await closed).toBe(DEAD_SOCKET_CLOSE.code);
  });

  it("folds many stored updates into one on load, without losing anything", async () => {
    const { contractId, client } = await contractParties();
    const ann = await joinBoard(client, contractId);
    await ann.synced;
    startStroke(ann.doc, "local", style("long"), { x: 0, y: 0 });
    for (let i = 1; i <= 210; i++) extendStroke(ann.doc, "local", "long", [{ x: i, y: i }]);
    const room = await getServerByName(env.Whiteboard, contractId);
    await expect.poll(async () => (shapeViews(decoded(await room.snapshot()))[0] as { points: number[] }).points.length).toBe(422);
    await ann.close();
    const stub = env.Whiteboard.get(env.Whiteboard.idFromName(contractId));
    const counts = await runInDurableObject(stub, (_instance: WhiteboardRoom, state) => {
      const store = new BoardStore(state.storage);
      const before = store.updateCount();
      const doc = new Y.Doc();
      store.load(doc);
      return { before, after: store.updateCount(), points: (shapeViews(doc)[0] as { points: number[] }).points.length };
    });
    expect(counts.before).toBeGreaterThan(200);
    expect(counts).toMatchObject({ after: 1, points: 422 });
  });
});

function decoded(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}
