import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  RTCPeerConnection,
  RTCRtpCodecParameters,
  useNACK,
  usePLI,
  type MediaStreamTrack,
  type RTCRtpSender,
  type RTCRtpTransceiver,
  type RtpPacket,
} from "werift";

/** What the browser tests' Calls app is called; the stand-in accepts only this id and secret. */
export const CALLS_MEDIA_APP = { id: "e2e-calls-app", secret: "e2e-calls-app-secret-0123456789abcdef" } as const;

type Kind = "audio" | "video";

interface PushedTrack {
  sessionId: string;
  kind: Kind;
  transceiver: RTCRtpTransceiver;
}

interface Session {
  id: string;
  pc: RTCPeerConnection;
  /** Tracks this session pushed, by name. */
  pushed: Map<string, PushedTrack>;
  /** Forwarding of pulled tracks into this session, by the mid of their sending transceiver. */
  pulled: Map<string, { trackName: string; source: string; stop: () => void }>;
}

/** One request the stand-in answered: what tests read back to see the media flow went through Calls. */
export interface CallsRequest {
  method: string;
  endpoint: "sessions/new" | "tracks/new" | "renegotiate" | "tracks/close" | "other";
  sessionId: string | null;
  pushed: string[];
  pulled: Array<{ sessionId: string; trackName: string }>;
  status: number;
}

export interface CallsMediaStandIn {
  /** The Calls API base to configure (`CALLS_API_BASE`). */
  apiBase: string;
  requests: CallsRequest[];
  /** RTP packets forwarded so far, by `<pushing session>><pulling session>`. */
  forwarded(): Record<string, number>;
  stop(): Promise<void>;
}

const VP8 = () =>
  new RTCRtpCodecParameters({ mimeType: "video/VP8", clockRate: 90000, payloadType: 96, rtcpFeedback: [useNACK(), usePLI()] });
const OPUS = () => new RTCRtpCodecParameters({ mimeType: "audio/opus", clockRate: 48000, channels: 2, payloadType: 111 });

/**
 * A local stand-in for Cloudflare Calls that really relays media, for browser tests of the group-call path.
 * It speaks the Calls HTTP API as partytracks uses it (new session; push tracks with an SDP offer, answered;
 * pull another session's track, answered with an SDP offer that the browser answers through `renegotiate`;
 * close tracks), checks the app id and Bearer secret, and terminates one WebRTC connection per session with
 * werift (a WebRTC stack in TypeScript). RTP from every pushed track is forwarded to every session that
 * pulled it, with picture-loss requests passed back to the pusher so a new viewer gets a key frame.
 * Only VP8 and Opus are offered, without RTP header extensions; its ICE candidates are this machine's own
 * addresses (loopback first), so media never leaves the machine.
 */
export async function startCallsMediaStandIn(): Promise<CallsMediaStandIn> {
  const sessions = new Map<string, Session>();
  const requests: CallsRequest[] = [];
  const forwarded: Record<string, number> = {};

  const newPeerConnection = () =>
    new RTCPeerConnection({
      codecs: { audio: [OPUS()], video: [VP8()] },
      // No RTP header extensions: streams are told apart by their signalled SSRCs. (Offering our own ids for
      // extensions the browser already numbered differently in the same bundle makes Chromium abort.)
      headerExtensions: { audio: [], video: [] },
      iceUseIpv6: false,
      iceUseTcp: false,
      iceInterfaceAddresses: { udp4: "127.0.0.1" },
      iceAdditionalHostAddresses: ["127.0.0.1"],
      bundlePolicy: "max-bundle",
    });

  /** The local description once ICE gathering is over, so the browser gets every candidate in one SDP. */
  const gathered = async (pc: RTCPeerConnection) => {
    if (pc.iceGatheringState !== "complete") {
      await new Promise<void>((resolve) => {
        const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
          if (state === "complete") {
            unSubscribe();
            resolve();
          }
        });
        setTimeout(resolve, 3000);
      });
    }
    const description = pc.localDescription!;
    return { type: description.type, sdp: description.sdp };
  };

  /** The track a pushed transceiver receives, as soon as werift knows it. */
  const sourceTrack = (transceiver: RTCRtpTransceiver): Promise<MediaStreamTrack> =>
    new Promise((resolve) => {
      const known = transceiver.receiver.tracks[0];
      if (known) return resolve(known);
      const { unSubscribe } = transceiver.onTrack.subscribe((track) => {
        unSubscribe();
        resolve(track);
      });
    });

  /** Sends every RTP packet of `source` on `sender`, in the puller's own numbering and header extensions. */
  const forward = (source: PushedTrack, sender: RTCRtpSender, puller: string): (() => void) => {
    const pair = `${source.sessionId}>${puller}`;
    let stopped = false;
    let stopRtp = () => {};
    const askForKeyFrame = () => {
      const ssrc = source.transceiver.receiver.tracks[0]?.ssrc;
      if (source.kind === "video" && ssrc !== undefined) void source.transceiver.receiver.sendRtcpPLI(ssrc).catch(() => {});
    };
    void sourceTrack(source.transceiver).then((track) => {
      if (stopped) return;
      stopRtp = track.onReceiveRtp.subscribe((rtp: RtpPacket) => {
        const copy = rtp.clone();
        copy.header.extensions = [];
        forwarded[pair] = (forwarded[pair] ?? 0) + 1;
        void sender.sendRtp(copy).catch(() => {});
      }).unSubscribe;
      askForKeyFrame();
    });
    const stopPli = sender.onPictureLossIndication.subscribe(askForKeyFrame).unSubscribe;
    // The pusher may have started before the puller's connection was up: ask for key frames for a while.
    const timer = setInterval(askForKeyFrame, 1000);
    const stopTimer = setTimeout(() => clearInterval(timer), 10_000);
    return () => {
      stopped = true;
      stopRtp();
      stopPli();
      clearInterval(timer);
      clearTimeout(stopTimer);
    };
  };

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

  async function handle(req: IncomingMessage, res: ServerResponse, record: CallsRequest): Promise<[number, unknown]> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const match = /^\/v1\/apps\/([^/]+)\/sessions\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!match) return [404, { errorCode: "not_found", errorDescription: "No such endpoint" }];
    const [, appId, sessionPart, rest = ""] = match;
    if (req.headers.authorization !== `Bearer ${CALLS_MEDIA_APP.secret}`) {
      return [401, { errorCode: "unauthorized", errorDescription: "Bad app secret" }];
    }
    if (appId !== CALLS_MEDIA_APP.id) return [404, { errorCode: "app_not_found", errorDescription: "No such app" }];
    const body = await readJson(req).catch(() => null);
    if (body === null) return [400, { errorCode: "bad_request", errorDescription: "Body is not JSON" }];

    if (sessionPart === "new" && rest === "" && req.method === "POST") {
      record.endpoint = "sessions/new";
      const id = randomBytes(16).toString("hex");
      record.sessionId = id;
      sessions.set(id, { id, pc: newPeerConnection(), pushed: new Map(), pulled: new Map() });
      return [201, { sessionId: id }];
    }
    const session = sessions.get(sessionPart);
    record.sessionId = sessionPart;
    if (!session) return [404, { errorCode: "session_not_found", errorDescription: "No such session" }];
    const { pc } = session;

    if (rest === "/tracks/new" && req.method === "POST") {
      record.endpoint = "tracks/new";
      const local = (body.tracks ?? []).filter((t: any) => t.location === "local");
      const remote = (body.tracks ?? []).filter((t: any) => t.location === "remote");
      if (local.length && remote.length) return [400, { errorCode: "bad_request", errorDescription: "Push or pull, not both" }];
      if (local.length) {
        if (body.sessionDescription?.type !== "offer")
          return [400, { errorCode: "bad_request", errorDescription: "Pushing needs an offer" }];
        await pc.setRemoteDescription(body.sessionDescription);
        await pc.setLocalDescription(await pc.createAnswer());
        const tracks = [];
        for (const t of local) {
          const transceiver = pc.getTransceivers().find((x) => x.mid === String(t.mid));
          if (!transceiver) {
            tracks.push({ trackName: t.trackName, mid: String(t.mid), errorCode: "invalid_mid", errorDescription: "No such mid" });
            continue;
          }
          session.pushed.set(t.trackName, { sessionId: session.id, kind: transceiver.kind as Kind, transceiver });
          record.pushed.push(t.trackName);
          tracks.push({ trackName: t.trackName, mid: String(t.mid) });
        }
        return [200, { tracks, sessionDescription: await gathered(pc), requiresImmediateRenegotiation: false }];
      }
      const tracks = [];
      const added: Array<{ transceiver: RTCRtpTransceiver; source: PushedTrack; trackName: string; from: string }> = [];
      for (const t of remote) {
        record.pulled.push({ sessionId: t.sessionId, trackName: t.trackName });
        const source = sessions.get(t.sessionId)?.pushed.get(t.trackName);
        if (!source) {
          tracks.push({ trackName: t.trackName, sessionId: t.sessionId, errorCode: "not_found", errorDescription: "No such track" });
          continue;
        }
        const transceiver = pc.addTransceiver(source.kind, { direction: "sendonly" });
        added.push({ transceiver, source, trackName: t.trackName, from: t.sessionId });
      }
      if (added.length === 0) return [200, { tracks, requiresImmediateRenegotiation: false }];
      await pc.setLocalDescription(await pc.createOffer());
      for (const { transceiver, source, trackName, from } of added) {
        const mid = String(transceiver.mid);
        session.pulled.set(mid, { trackName, source: from, stop: forward(source, transceiver.sender, session.id) });
        tracks.push({ trackName, sessionId: from, mid });
      }
      return [200, { tracks, requiresImmediateRenegotiation: true, sessionDescription: await gathered(pc) }];
    }
    if (rest === "/renegotiate" && req.method === "PUT") {
      record.endpoint = "renegotiate";
      if (body.sessionDescription?.type !== "answer") return [400, { errorCode: "bad_request", errorDescription: "Need an answer" }];
      await pc.setRemoteDescription(body.sessionDescription);
      return [200, {}];
    }
    if (rest === "/tracks/close" && req.method === "PUT") {
      record.endpoint = "tracks/close";
      const mids = new Set<string>((body.tracks ?? []).map((t: { mid: string }) => String(t.mid)));
      for (const mid of mids) {
        session.pulled.get(mid)?.stop();
        session.pulled.delete(mid);
        for (const [name, pushed] of session.pushed) if (pushed.transceiver.mid === mid) session.pushed.delete(name);
      }
      let sessionDescription;
      if (body.sessionDescription?.type === "offer") {
        await pc.setRemoteDescription(body.sessionDescription);
        await pc.setLocalDescription(await pc.createAnswer());
        sessionDescription = await gathered(pc);
        sessionDescription = { ...sessionDescription, sdp: withoutRejectedInBundle(sessionDescription.sdp) };
      }
      return [200, { tracks: [...mids].map((mid) => ({ mid })), sessionDescription, requiresImmediateRenegotiation: false }];
    }
    return [404, { errorCode: "not_found", errorDescription: "No such endpoint" }];
  }

  const server = createServer(async (req, res) => {
    // For tests in another process: what went through the stand-in, and how much media it relayed.
    if (req.url === "/__requests") return send(res, 200, { requests, forwarded });
    const record: CallsRequest = { method: req.method ?? "", endpoint: "other", sessionId: null, pushed: [], pulled: [], status: 0 };
    requests.push(record);
    try {
      const [status, body] = await handle(req, res, record);
      record.status = status;
      send(res, status, body);
    } catch (error) {
      record.status = 500;
      send(res, 500, { errorCode: "internal_error", errorDescription: (error as Error).message });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBase: `http://127.0.0.1:${port}/v1`,
    requests,
    forwarded: () => forwarded,
    async stop() {
      for (const session of sessions.values()) {
        for (const pulled of session.pulled.values()) pulled.stop();
        await session.pc.close().catch(() => {});
      }
      sessions.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A rejected (port 0) m-line may not stay in the answer's BUNDLE group (RFC 8843 7.3.3); werift 0.24 keeps
 * closed tracks' mids there, which browsers refuse.
 */
function withoutRejectedInBundle(sdp: string): string {
  const rejected = new Set<string>();
  for (const section of sdp.split("\r\nm=").slice(1)) {
    const mid = /\r\na=mid:(\S+)/.exec(section)?.[1];
    if (mid && /^\w+ 0 /.test(section)) rejected.add(mid);
  }
  return sdp.replace(/^a=group:BUNDLE (.*)$/m, (_line, mids: string) =>
    ["a=group:BUNDLE", ...mids.split(" ").filter((mid) => !rejected.has(mid))].join(" "),
  );
}
