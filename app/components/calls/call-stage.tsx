import { useEffect, useRef } from "react";
import type { CallParticipantState, CallView } from "../../../party/call-messages";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { AddPerson } from "./add-person";
import type { CallMedia } from "./use-call-media";

function Video({ stream, label, muted, peerId }: { stream: MediaStream | null; label: string; muted?: boolean; peerId?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video || video.srcObject === stream) return;
    video.srcObject = stream;
    // Playback starts after the user's click on Start call or Accept; a refusal just leaves the frame still.
    if (stream) video.play().catch(() => {});
  }, [stream]);
  return (
    <figure className="surface border-subtle overflow-hidden rounded-card border">
      {/* A live call has no caption track to offer; the call page names each video. */}
      {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
      <video
        ref={ref}
        aria-label={label}
        data-peer={peerId}
        autoPlay
        playsInline
        muted={muted}
        className="aspect-video w-full bg-black object-cover"
      />
      <figcaption className="px-3 py-1.5 text-sm">{label}</figcaption>
    </figure>
  );
}

const CONNECTION_TEXT: Record<RTCPeerConnectionState, string> = {
  new: "waiting",
  connecting: "connecting",
  connected: "connected",
  disconnected: "reconnecting",
  failed: "connection failed",
  closed: "disconnected",
};

function flags(state: { muted: boolean; cameraOff: boolean; sharingScreen: boolean }): string {
  const parts = [state.muted ? "muted" : null, state.cameraOff ? "camera off" : null, state.sharingScreen ? "sharing screen" : null];
  return parts.filter(Boolean).join(", ");
}

const ABSENT_TEXT: Record<CallParticipantState, string> = {
  invited: "being rung",
  joined: "joining",
  declined: "declined",
  left: "left the call",
};

/** Videos, the participant list and the controls of a call that has media. */
export function CallStage({
  call,
  me,
  media,
  onHangUp,
  canInvite = false,
}: {
  call: CallView;
  me: string;
  media: CallMedia;
  onHangUp: () => void;
  canInvite?: boolean;
}) {
  const nameOf = (userId: string) => call.participants.find((p) => p.id === userId)?.name ?? "Someone";
  const myFlags = flags(media.state);
  // People of the call who are not connected to the room right now (being rung, declined, left).
  const present = new Set(media.peers.map((p) => p.userId));
  const absent = call.participants.filter((p) => p.id !== me && !present.has(p.id));
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Video stream={media.local} label="Your camera" muted />
        {media.peers.map((peer) => (
          <Video key={peer.peerId} stream={peer.stream} label={`${nameOf(peer.userId)}'s video`} peerId={peer.peerId} />
        ))}
      </div>
      <section aria-labelledby="participants-title">
        <h2 id="participants-title" className="text-lg font-semibold">
          Participants
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          <li>
            {nameOf(me)} (you){myFlags ? ` — ${myFlags}` : ""}
          </li>
          {media.peers.map((peer) => {
            const extra = flags(peer);
            return (
              <li key={peer.peerId}>
                {nameOf(peer.userId)} — {CONNECTION_TEXT[peer.connection]}
                {extra ? `, ${extra}` : ""}
              </li>
            );
          })}
          {absent.map((p) => (
            <li key={p.id}>
              {p.name} — {ABSENT_TEXT[p.state]}
            </li>
          ))}
        </ul>
        {call.media === "sfu" ? <p className="text-muted mt-1 text-xs">Media goes through Cloudflare Calls.</p> : null}
      </section>
      <div role="group" aria-label="Call controls" className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" aria-pressed={media.state.muted} onClick={media.toggleMute}>
          {media.state.muted ? "Unmute" : "Mute"}
        </Button>
        <Button type="button" variant="secondary" aria-pressed={media.state.cameraOff} onClick={media.toggleCamera}>
          {media.state.cameraOff ? "Turn camera on" : "Turn camera off"}
        </Button>
        <Button type="button" variant="secondary" aria-pressed={media.state.sharingScreen} onClick={() => void media.toggleScreen()}>
          {media.state.sharingScreen ? "Stop sharing" : "Share screen"}
        </Button>
        <Button type="button" variant="danger" onClick={onHangUp}>
          End call
        </Button>
      </div>
      {canInvite ? <AddPerson callId={call.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {(["video", "audio"] as const).map((kind) => (
          <div key={kind}>
            <label htmlFor={`device-${kind}`} className="block text-sm font-medium">
              {kind === "video" ? "Camera" : "Microphone"}
            </label>
            <select
              id={`device-${kind}`}
              className={`${inputClass} mt-1`}
              value={media.chosen[kind]}
              onChange={(event) => void media.chooseDevice(kind, event.target.value)}
            >
              {media.devices[kind].map((d, i) => (
                <option key={d.deviceId || i} value={d.deviceId}>
                  {d.label || `${kind === "video" ? "Camera" : "Microphone"} ${i + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </div>
  );
}
