import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

async function openSocket(room: string) {
  const res = await SELF.fetch(`http://localhost/parties/presence/${room}`, { headers: { Upgrade: "websocket" } });
  expect(res.status).toBe(101);
  const socket = res.webSocket!;
  const messages: unknown[] = [];
  const waiters: Array<() => void> = [];
  socket.addEventListener("message", (event) => {
    messages.push(JSON.parse(event.data as string));
    waiters.splice(0).forEach((wake) => wake());
  });
  socket.accept();
  const next = async (predicate: (m: unknown) => boolean) => {
    for (;;) {
      const found = messages.find(predicate);
      if (found) {
        messages.splice(messages.indexOf(found), 1);
        return found;
      }
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { socket, next };
}

describe("presence room", () => {
  it("counts who is connected over real WebSocket upgrades", async () => {
    const room = `count-${crypto.randomUUID()}`;
    const a = await openSocket(room);
    expect(await a.next(() => true)).toEqual({ type: "count", count: 1 });
    const b = await openSocket(room);
    expect(await b.next(() => true)).toEqual({ type: "count", count: 1 + 1 });
    expect(await a.next(() => true)).toEqual({ type: "count", count: 2 });
    b.socket.close(1000, "bye");
    expect(await a.next(() => true)).toEqual({ type: "count", count: 1 });
    a.socket.close(1000, "bye");
  });

  it("refuses rooms kinds that do not exist", async () => {
    const res = await SELF.fetch("http://localhost/parties/nothing-here/x", { headers: { Upgrade: "websocket" } });
    expect(res.status).toBe(404);
  });
});
