import { WebSocket as ReconnectingWebSocket } from "partysocket";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CallClientMessage, CallServerMessage, MediaState, RecordingState } from "../../../party/call-messages";
import { apiJson } from "./api.client";
import { PeerMesh, type CallTransport, type RemotePeer, type TransportHandover } from "./peer-mesh";
import { SfuMesh } from "./sfu-mesh.client";

export type MediaPhase = "idle" | "starting" | "live" | "failed" | "left";

export interface CallMedia {
  phase: MediaPhase;
  error: string | null;
  local: MediaStream | null;
  peers: RemotePeer[];
  state: MediaState;
  devices: { audio: MediaDeviceInfo[]; video: MediaDeviceInfo[] };
  chosen: { audio: string; video: string };
  toggleMute(): void;
  toggleCamera(): void;
  toggleScreen(): Promise<void>;
  chooseDevice(kind: "audio" | "video", deviceId: string): Promise<void>;
  leave(): void;
  /** This tab's peer id in the call room (null until welcomed). */
  peerId: string | null;
  /** Where recording stands in the call, as the room says. */
  recording: RecordingState;
  /** Asks to record, answers, or stops (see party/call-recording.ts). */
  sendRecording(message: Extract<CallClientMessage, { type: "record-ask" | "record-answer" | "record-stop" }>): void;
}

const QUIET: MediaState = { muted: false, cameraOff: false, sharingScreen: false };

/**
 * Camera, microphone and the call room for one call: opens media when `active`, joins the room, carries the
 * media browser to browser (`p2p`) or through Cloudflare Calls (`sfu`), and offers the controls (mute,
 * camera off, device choice, screen share, leave). A call that grows past two people while under way moves
 * from `p2p` to `sfu` on the same room socket: the browser-to-browser links close and Calls takes over.
 */
export function useCallMedia(callId: string, active: boolean, mode: "p2p" | "sfu" = "p2p"): CallMedia {
  const [phase, setPhase] = useState<MediaPhase>("idle");
  const [error, setError] = useState<string | null>(null);
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [peers, setPeers] = useState<RemotePeer[]>([]);
  const [state, setState] = useState<MediaState>(QUIET);
  const [devices, setDevices] = useState<CallMedia["devices"]>({ audio: [], video: [] });
  const [chosen, setChosen] = useState({ audio: "", video: "" });
  const [peerId, setPeerId] = useState<string | null>(null);
  const [recording, setRecording] = useState<RecordingState>({ phase: "off" });
  const mesh = useRef<CallTransport | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const socket = useRef<ReconnectingWebSocket | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const camera = useRef<MediaStreamTrack | null>(null);
  const screen = useRef<MediaStreamTrack | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const share = useCallback((next: MediaState) => {
    setState(next);
    socket.current?.send(JSON.stringify({ type: "state", state: next }));
  }, []);

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    queue.current = Promise.resolve();
    setPhase("starting");
    (async () => {
      let media: MediaStream;
      try {
        media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      } catch (cause) {
        setError(`Your camera or microphone could not be opened (${(cause as Error).name}).`);
        setPhase("failed");
        return;
      }
      if (stopped) return media.getTracks().forEach((t) => t.stop());
      stream.current = media;
      camera.current = media.getVideoTracks()[0] ?? null;
      setLocal(media);
      const all = await navigator.mediaDevices.enumerateDevices();
      setDevices({ audio: all.filter((d) => d.kind === "audioinput"), video: all.filter((d) => d.kind === "videoinput") });
      setChosen({
        audio: media.getAudioTracks()[0]?.getSettings().deviceId ?? "",
        video: media.getVideoTracks()[0]?.getSettings().deviceId ?? "",
      });
      const ws = new ReconnectingWebSocket(
        async () => (await apiJson<{ url: string }>("/api/rooms/ticket", { room: `call:${callId}` })).url,
        [],
        { maxRetries: 5 },
      );
      socket.current = ws;
      mesh.current = transportFor(modeRef.current, media, ws);
      ws.addEventListener("message", (event) => {
        const message = JSON.parse(String(event.data)) as CallServerMessage;
        if (message.type === "welcome") {
          setPeerId(message.peerId);
          setRecording(message.recording);
        }
        if (message.type === "recording") return setRecording(message.recording);
        // One message at a time: a candidate must not overtake the description it belongs to.
        queue.current = queue.current
          .then(async () => {
            const transport = mesh.current;
            if (!transport) return;
            await transport.handle(message);
            if (message.type === "welcome") transport.join(stateRef.current);
          })
          .catch((cause) => setError(`The connection hit a problem: ${(cause as Error).message}`));
      });
      setPhase("live");
    })();
    return () => {
      stopped = true;
      mesh.current?.close();
      socket.current?.close();
      stream.current?.getTracks().forEach((t) => t.stop());
      screen.current?.stop();
      mesh.current = null;
      socket.current = null;
    };
    // transportFor reads only refs and callId, which is a dependency already.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, callId]);

  /** The transport for this call's media, reporting its peers to the page. */
  function transportFor(kind: "p2p" | "sfu", media: MediaStream, ws: ReconnectingWebSocket, handover?: TransportHandover): CallTransport {
    const send = (message: object) => ws.send(JSON.stringify(message));
    // Assigned once, after the callback that reads it is made (a peer may report before the constructor returns).
    // eslint-disable-next-line prefer-const
    let transport: CallTransport;
    const changed = () => {
      if (mesh.current === transport) setPeers([...transport.peers.values()]);
    };
    transport =
      kind === "sfu"
        ? new SfuMesh(callId, media, send, changed, (message) => setError(message), handover)
        : new PeerMesh(media, send, changed);
    return transport;
  }

  // The call grew past two people: hand the room socket's peers over to Cloudflare Calls, in message order.
  useEffect(() => {
    if (phase !== "live" || mode !== "sfu") return;
    queue.current = queue.current.then(async () => {
      const current = mesh.current;
      const media = stream.current;
      const ws = socket.current;
      if (!current || !media || !ws || current.kind === "sfu") return;
      const handover = current.handover(stateRef.current);
      current.close();
      const next = transportFor("sfu", media, ws, handover);
      mesh.current = next;
      if (screen.current) await next.replaceTrack("video", screen.current);
      setPeers([...next.peers.values()]);
    });
    // transportFor reads only refs and callId, which this effect's call never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, phase]);

  const toggleMute = () => {
    const next = { ...stateRef.current, muted: !stateRef.current.muted };
    stream.current?.getAudioTracks().forEach((t) => (t.enabled = !next.muted));
    share(next);
  };

  const toggleCamera = () => {
    const next = { ...stateRef.current, cameraOff: !stateRef.current.cameraOff };
    if (camera.current) camera.current.enabled = !next.cameraOff;
    share(next);
  };

  const stopScreen = async () => {
    screen.current?.stop();
    screen.current = null;
    if (camera.current) await mesh.current?.replaceTrack("video", camera.current);
    share({ ...stateRef.current, sharingScreen: false });
  };

  const toggleScreen = async () => {
    if (screen.current) return stopScreen();
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = display.getVideoTracks()[0];
      screen.current = track;
      track.addEventListener("ended", () => void stopScreen());
      await mesh.current?.replaceTrack("video", track);
      share({ ...stateRef.current, sharingScreen: true });
    } catch (cause) {
      setError(`Screen sharing did not start (${(cause as Error).name}).`);
    }
  };

  const chooseDevice = async (kind: "audio" | "video", deviceId: string) => {
    const media = stream.current;
    if (!media) return;
    const fresh = await navigator.mediaDevices.getUserMedia({ [kind]: { deviceId: { exact: deviceId } } });
    const track = kind === "audio" ? fresh.getAudioTracks()[0] : fresh.getVideoTracks()[0];
    const old = kind === "audio" ? media.getAudioTracks()[0] : media.getVideoTracks()[0];
    track.enabled = kind === "audio" ? !stateRef.current.muted : !stateRef.current.cameraOff;
    if (old) {
      media.removeTrack(old);
      old.stop();
    }
    media.addTrack(track);
    if (kind === "video") camera.current = track;
    if (kind === "audio" || !screen.current) await mesh.current?.replaceTrack(kind, track);
    setLocal(new MediaStream(media.getTracks()));
    setChosen((c) => ({ ...c, [kind]: deviceId }));
  };

  const leave = () => {
    socket.current?.send(JSON.stringify({ type: "leave" }));
    mesh.current?.close();
    socket.current?.close();
    stream.current?.getTracks().forEach((t) => t.stop());
    screen.current?.stop();
    setPeers([]);
    setPhase("left");
  };

  const sendRecording: CallMedia["sendRecording"] = (message) => socket.current?.send(JSON.stringify(message));

  return {
    phase,
    error,
    local,
    peers,
    state,
    devices,
    chosen,
    toggleMute,
    toggleCamera,
    toggleScreen,
    chooseDevice,
    leave,
    peerId,
    recording,
    sendRecording,
  };
}
