/**
 * A Yjs client for whiteboard room tests: speaks the y-partyserver sync protocol over a real WebSocket
 * upgrade through the Worker, like the browser's YProvider does.
 */
import { env } from "cloudflare:test";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { expect } from "vitest";
import { activeContract } from "../domain/contracts/test-fixtures";
import { domainContextFromEnv } from "../platform/domain-context";
import { ticketFor, upgrade, type TestUser } from "./messaging";

const MESSAGE_SYNC = 0;
const REMOTE = Symbol("remote");

export interface BoardClient {
  doc: Y.Doc;
  socket: WebSocket;
  /** Resolves once the room sent its whole state. */
  synced: Promise<void>;
  /** Resolves when `check` holds for the local copy of the board. */
  until(check: (doc: Y.Doc) => boolean): Promise<void>;
  close(): Promise<void>;
}

export async function joinBoard(user: TestUser, contractId: string): Promise<BoardClient> {
  const { url } = await ticketFor(user, `whiteboard:${contractId}`);
  const res = await upgrade(url);
  expect(res.status).toBe(101);
  const socket = res.webSocket!;
  const doc = new Y.Doc();
  let markSynced!: () => void;
  const synced = new Promise<void>((resolve) => (markSynced = resolve));
  const closed = new Promise<void>((resolve) => socket.addEventListener("close", () => resolve()));
  const send = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder);
    socket.send(encoding.toUint8Array(encoder));
  };
  // Frames are handled strictly in order, whether the runtime hands them over as ArrayBuffer or Blob.
  let inbox = Promise.resolve();
  socket.addEventListener("message", (event) => {
    const data = event.data as string | ArrayBuffer | Blob;
    if (typeof data === "string") return;
    inbox = inbox.then(async () => receive(new Uint8Array(data instanceof Blob ? await data.arrayBuffer() : data)));
  });
  const receive = (frame: Uint8Array) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    const type = syncProtocol.readSyncMessage(decoder, encoder, doc, REMOTE);
    if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder));
    if (type === syncProtocol.messageYjsSyncStep2) markSynced();
  };
  socket.accept();
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) send((encoder) => syncProtocol.writeUpdate(encoder, update));
  });
  send((encoder) => syncProtocol.writeSyncStep1(encoder, doc));
  return {
    doc,
    socket,
    synced,
    async until(check) {
      const deadline = Date.now() + 5_000;
      while (!check(doc)) {
        if (Date.now() > deadline) throw new Error("The board never reached the expected state.");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      socket.close(1000);
      await closed;
    },
  };
}

/** An active contract between a new client and a new freelancer, made through the marketplace's own steps. */
export async function contractParties() {
  const fixture = await activeContract(domainContextFromEnv(env));
  const asTestUser = (user: typeof fixture.client, accessToken: string): TestUser => ({
    user,
    accessToken,
    headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
  });
  return {
    contractId: fixture.contractId,
    client: asTestUser(fixture.client, fixture.clientToken),
    freelancer: asTestUser(fixture.freelancer, fixture.freelancerToken),
  };
}
