import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    callsApiUrl: string;
  }
}

/** The Calls app the Worker tests are configured with; the stand-in accepts only this id and secret. */
export const CALLS_TEST_APP = { id: "test-calls-app", secret: "test-calls-app-secret-0123456789abcdef" } as const;

interface Track {
  trackName: string;
  mid: string;
}
interface Session {
  tracks: Map<string, Track>;
  nextMid: number;
}

/** What the stand-in received: enough for tests to see which headers reached Cloudflare's side. */
interface Received {
  method: string;
  path: string;
  headerNames: string[];
}

/**
 * A local stand-in for the Cloudflare Calls HTTP API (https://rtc.live.cloudflare.com/v1) at the HTTP
 * boundary, with the endpoints partytracks uses: new session, push/pull tracks, renegotiate, close tracks.
 * It checks the app id and the Bearer secret and keeps sessions and their tracks in memory. Its SDP answers
 * are placeholders: it is a signalling stand-in for proxy and authorization tests, not a media server.
 */
export default async function setup(project: TestProject) {
  const sessions = new Map<string, Session>();
  const received: Received[] = [];

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const readJson = async (req: IncomingMessage): Promise<any> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    return text ? JSON.parse(text) : {};
  };
  const answerSdp = (sessionId: string) => `v=0\r\no=- ${sessionId.length} 2 IN IP4 127.0.0.1\r\ns=calls-stand-in\r\nt=0 0\r\n`;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (url.pathname === "/__received") return send(res, 200, { received });
    received.push({ method: req.method ?? "", path: url.pathname, headerNames: Object.keys(req.headers).sort() });
    const match = /^\/v1\/apps\/([^/]+)\/sessions\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!match) return send(res, 404, { errorCode: "not_found", errorDescription: "No such endpoint" });
    const [, appId, sessionPart, rest = ""] = match;
    if (req.headers.authorization !== `Bearer ${CALLS_TEST_APP.secret}`) {
      return send(res, 401, { errorCode: "unauthorized", errorDescription: "Bad app secret" });
    }
    if (appId !== CALLS_TEST_APP.id) return send(res, 404, { errorCode: "app_not_found", errorDescription: "No such app" });
    const body = await readJson(req).catch(() => null);
    if (body === null) return send(res, 400, { errorCode: "bad_request", errorDescription: "Body is not JSON" });

    if (sessionPart === "new" && rest === "" && req.method === "POST") {
      const sessionId = randomBytes(16).toString("hex");
      sessions.set(sessionId, { tracks: new Map(), nextMid: 0 });
      const description = body.sessionDescription ? { sessionDescription: { type: "answer", sdp: answerSdp(sessionId) } } : {};
      return send(res, 201, { sessionId, ...description });
    }
    const session = sessions.get(sessionPart);
    if (!session) return send(res, 404, { errorCode: "session_not_found", errorDescription: "No such session" });

    if (rest === "/tracks/new" && req.method === "POST") {
      const tracks: any[] = [];
      let pulled = false;
      for (const track of body.tracks ?? []) {
        if (track.location === "local") {
          session.tracks.set(track.trackName, { trackName: track.trackName, mid: String(track.mid) });
          tracks.push({ trackName: track.trackName, mid: String(track.mid) });
        } else {
          const source = sessions.get(track.sessionId)?.tracks.get(track.trackName);
          if (!source) {
            tracks.push({ trackName: track.trackName, sessionId: track.sessionId, errorCode: "track_not_found" });
            continue;
          }
          pulled = true;
          tracks.push({ trackName: track.trackName, sessionId: track.sessionId, mid: String(session.nextMid++) });
        }
      }
      return send(res, 200, {
        tracks,
        requiresImmediateRenegotiation: pulled,
        sessionDescription: { type: pulled ? "offer" : "answer", sdp: answerSdp(sessionPart) },
      });
    }
    if (rest === "/renegotiate" && req.method === "PUT") {
      if (body.sessionDescription?.type !== "answer")
        return send(res, 400, { errorCode: "bad_request", errorDescription: "Need an answer" });
      return send(res, 200, {});
    }
    if (rest === "/tracks/close" && req.method === "PUT") {
      const mids = new Set((body.tracks ?? []).map((t: { mid: string }) => String(t.mid)));
      for (const [name, track] of session.tracks) if (mids.has(track.mid)) session.tracks.delete(name);
      return send(res, 200, { tracks: [...mids].map((mid) => ({ mid })), requiresImmediateRenegotiation: false });
    }
    if (rest === "" && req.method === "GET")
      return send(res, 200, { tracks: [...session.tracks.values()].map((t) => ({ ...t, status: "active" })) });
    return send(res, 404, { errorCode: "not_found", errorDescription: "No such endpoint" });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  project.provide("callsApiUrl", `http://127.0.0.1:${port}/v1`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
