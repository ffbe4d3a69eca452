import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import { closeCall } from "../worker/domain/calls/calls";
import { ownsMediaSessions } from "../worker/domain/calls/media";
import { RING_TIMEOUT_MS } from "../worker/domain/calls/rules";
import type { Env } from "../worker/env";
import { domainContextFromEnv } from "../worker/platform/domain-context";
import {
  parseCallFrame,
  type CallPeer,
  type CallServerMessage,
  type CallView,
  type MediaState,
  type PeerTracks,
  type PublishedTrack,
} from "./call-messages";
import { admittedUser, NOT_ADMITTED } from "./identity";
import {
  answerRecording,
  askToRecord,
  callOver,
  currentRecording,
  peerJoined,
  peerLeft,
  stopRecording,
  type RecordingHost,
} from "./call-recording";

interface SocketState {
  userId: string;
  /** True between the browser's `join` (media ready) and its `leave` or close. */
  joined: boolean;
  media: MediaState;
  /** Tracks this peer pushed to Cloudflare Calls (calls whose media is "sfu"). */
  tracks?: readonly PublishedTrack[];
}

/** A reload or a dropped network is not hanging up: the call ends when the room stays empty this long. */
export const EMPTY_GRACE_MS = 3000;
const HAD_PEERS_KEY = "had-peers";
const QUIET: MediaState = { muted: false, cameraOff: false, sharingScreen: false };

/**
 * One call's signalling room (`call:<callId>`): keeps the participant list, passes offers, answers and ICE
 * candidates to the one peer they are addressed to, and shares mute/camera flags. Media never passes here.
 * When everyone has left, it ends the call in the database (which stores the duration).
 */
export class CallRoom extends Server<Env> {
  static options = { hibernate: true };

  getConnectionTags(_connection: Connection, ctx: ConnectionContext): string[] {
    const userId = admittedUser(ctx.request, `call:${this.name}`);
    return userId ? [userId] : [];
  }

  async onConnect(connection: Connection<SocketState>, ctx: ConnectionContext) {
    const userId = admittedUser(ctx.request, `call:${this.name}`);
    if (!userId) return connection.close(NOT_ADMITTED.code, NOT_ADMITTED.reason);
    connection.setState({ userId, joined: false, media: QUIET });
    const recording = await currentRecording(this.recordingHost());
    this.send(connection, { type: "welcome", peerId: connection.id, peers: this.peers(), tracks: this.publishedTracks(), recording });
    // The first visitor arms the ring timeout; the alarm handler decides what it means when it fires.
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + RING_TIMEOUT_MS);
  }

  async onMessage(connection: Connection<SocketState>, raw: WSMessage) {
    const state = connection.state;
    const message = state ? parseCallFrame(raw) : null;
    if (!state || !message) return;
    switch (message.type) {
      case "join": {
        if (state.joined) return;
        connection.setState({ ...state, joined: true, media: message.state });
        await this.ctx.storage.put(HAD_PEERS_KEY, true);
        this.announce({ type: "joined", peer: peerOf(connection.id, connection.state!) }, [connection.id]);
        return peerJoined(this.recordingHost(), state.userId);
      }
      case "leave":
        return this.left(connection);
      case "state": {
        if (!state.joined) return;
        connection.setState({ ...state, media: message.state });
        this.announce({ type: "state", peerId: connection.id, state: message.state }, [connection.id]);
        return;
      }
      case "offer":
      case "answer":
        return this.relay(connection, message.to, { type: message.type, from: connection.id, description: message.description });
      case "ice":
        return this.relay(connection, message.to, { type: "ice", from: connection.id, candidate: message.candidate });
      case "tracks":
        return this.publish(connection, message.tracks);
      case "record-ask":
        if (!state.joined) return;
        return askToRecord(this.recordingHost(), { userId: state.userId, peerId: connection.id }, message.kind);
      case "record-answer":
        if (!state.joined) return;
        return answerRecording(this.recordingHost(), state.userId, message.agree);
      case "record-stop":
        if (!state.joined) return;
        return stopRecording(this.recordingHost(), state.userId);
      default:
        message satisfies never;
    }
  }

  async onClose(connection: Connection<SocketState>) {
    await this.left(connection);
  }

  async onError(connection: Connection<SocketState>) {
    await this.left(connection);
  }

  async onAlarm() {
    const empty = this.peers().length === 0 && (await this.ctx.storage.get<boolean>(HAD_PEERS_KEY)) === true;
    const call = await closeCall(domainContextFromEnv(this.env), this.name, empty ? "empty" : "ring-timeout");
    if (!call) return;
    if (call.status === "ringing") {
      await this.ctx.storage.setAlarm(Date.parse(call.startedAt) + RING_TIMEOUT_MS + 50);
    } else if (call.status !== "active") {
      await callOver(this.recordingHost());
      this.over(call);
    }
  }

  /** Signalling goes to exactly one joined peer of this room, never to everyone. */
  private relay(from: Connection<SocketState>, to: string, message: CallServerMessage) {
    if (!from.state?.joined || to === from.id) return;
    const target = this.getConnection<SocketState>(to);
    if (target?.state?.joined) this.send(target, message);
  }

  /**
   * A peer's Calls tracks go to everyone else, who pull them. Only tracks of Calls sessions that this member
   * opened for this call are passed on, so nobody can show someone else's camera under their own name.
   */
  private async publish(connection: Connection<SocketState>, tracks: readonly PublishedTrack[]) {
    const state = connection.state;
    if (!state?.joined) return;
    const sessionIds = [...new Set(tracks.map((t) => t.sessionId))];
    if (!(await ownsMediaSessions(domainContextFromEnv(this.env), this.name, state.userId, sessionIds))) return;
    const current = connection.state;
    if (!current?.joined) return;
    connection.setState({ ...current, tracks });
    this.announce({ type: "tracks", peerId: connection.id, tracks }, [connection.id]);
  }

  private async left(connection: Connection<SocketState>) {
    const state = connection.state;
    if (!state?.joined) return;
    connection.setState({ ...state, joined: false, tracks: [] });
    this.announce({ type: "left", peerId: connection.id }, [connection.id]);
    await peerLeft(this.recordingHost(), connection.id);
    if (this.peers().length === 0) await this.ctx.storage.setAlarm(Date.now() + EMPTY_GRACE_MS);
  }

  private recordingHost(): RecordingHost {
    return {
      callId: this.name,
      storage: this.ctx.storage,
      joinedUserIds: () => this.peers().map((p) => p.userId),
      announce: (recording) => this.announce({ type: "recording", recording }),
      domain: () => domainContextFromEnv(this.env),
    };
  }

  private over(call: CallView) {
    this.announce({ type: "ended", call });
    for (const socket of this.getConnections()) socket.close(1000, "Call ended");
  }

  private peers(): CallPeer[] {
    const peers: CallPeer[] = [];
    for (const socket of this.getConnections<SocketState>()) {
      if (socket.state?.joined) peers.push(peerOf(socket.id, socket.state));
    }
    return peers;
  }

  private publishedTracks(): PeerTracks[] {
    const published: PeerTracks[] = [];
    for (const socket of this.getConnections<SocketState>()) {
      if (socket.state?.joined && socket.state.tracks?.length) published.push({ peerId: socket.id, tracks: socket.state.tracks });
    }
    return published;
  }

  private send(connection: Connection, message: CallServerMessage) {
    connection.send(JSON.stringify(message));
  }

  private announce(message: CallServerMessage, without: string[] = []) {
    this.broadcast(JSON.stringify(message), without);
  }
}

const peerOf = (peerId: string, state: SocketState): CallPeer => ({ peerId, userId: state.userId, ...state.media });
