import { PartyTracks } from "partytracks/client";
import { BehaviorSubject, combineLatest, type Subscription } from "rxjs";
import type { CallClientMessage, CallPeer, CallServerMessage, MediaState, PeerTracks, PublishedTrack } from "../../../party/call-messages";
import type { CallTransport, RemotePeer, TransportHandover } from "./peer-mesh";

interface Pull {
  metadata: BehaviorSubject<{ sessionId: string; trackName: string; location: "remote" }>;
  subscription: Subscription;
}

/**
 * Media of a call through Cloudflare Calls, for calls of more than two people: one partytracks session
 * (through our proxy at /api/calls/:id/partytracks, which keeps the app secret) pushes this browser's
 * microphone and camera, the call room tells everyone which tracks each peer pushed, and each browser pulls
 * everyone else's. Screen share and device changes swap the pushed track in place.
 */
export class SfuMesh implements CallTransport {
  readonly kind = "sfu";
  readonly peers = new Map<string, RemotePeer>();
  readonly published = new Map<string, readonly PublishedTrack[]>();
  myPeerId = "";
  private joined = false;
  private mine: PublishedTrack[] = [];
  private readonly partyTracks: PartyTracks;
  private readonly outgoing: Record<"audio" | "video", BehaviorSubject<MediaStreamTrack>>;
  private readonly pulls = new Map<string, Map<string, Pull>>();
  private readonly subscriptions: Subscription[] = [];
  private connection: RTCPeerConnectionState = "new";
  private peerConnection: RTCPeerConnection | null = null;
  /** Calls API requests partytracks has sent and not yet had an answer to. */
  private inFlight = 0;
  private closed = false;

  constructor(
    callId: string,
    local: MediaStream,
    private readonly send: (message: CallClientMessage) => void,
    private readonly changed: () => void,
    private readonly failed: (message: string) => void,
    handover?: TransportHandover,
  ) {
    this.partyTracks = new PartyTracks({ prefix: `/api/calls/${callId}/partytracks` });
    const [audio] = local.getAudioTracks();
    const [video] = local.getVideoTracks();
    this.outgoing = { audio: new BehaviorSubject(audio), video: new BehaviorSubject(video) };
    this.partyTracks.history.addEventListener("logentry", () => {
      const type = this.partyTracks.history.entries.at(-1)?.type;
      if (type === "request") this.inFlight++;
      else if (type === "response") this.inFlight = Math.max(0, this.inFlight - 1);
    });
    this.subscriptions.push(
      this.partyTracks.peerConnection$.subscribe((pc) => (this.peerConnection = pc)),
      this.partyTracks.peerConnectionState$.subscribe((state) => {
        this.connection = state;
        for (const id of this.peers.keys()) this.refresh(id);
        this.changed();
      }),
      this.partyTracks.sessionError$.subscribe((message) => this.failed(`Cloudflare Calls: ${message}`)),
      combineLatest([this.partyTracks.push(this.outgoing.audio), this.partyTracks.push(this.outgoing.video)]).subscribe({
        next: ([a, v]) => {
          this.mine = [
            { sessionId: String(a.sessionId), trackName: String(a.trackName), kind: "audio" },
            { sessionId: String(v.sessionId), trackName: String(v.trackName), kind: "video" },
          ];
          if (this.joined) this.send({ type: "tracks", tracks: this.mine });
        },
        error: (error: Error) => this.failed(`Your camera and microphone could not be sent (${error.message}).`),
      }),
    );
    if (handover) {
      this.myPeerId = handover.myPeerId;
      for (const peer of handover.peers) this.remember(peer);
      for (const entry of handover.published) this.publish(entry);
      if (handover.joined) this.join(handover.state);
    }
  }

  async replaceTrack(kind: "audio" | "video", track: MediaStreamTrack): Promise<void> {
    this.outgoing[kind].next(track);
  }

  join(state: MediaState) {
    this.joined = true;
    this.send({ type: "join", state });
    if (this.mine.length) this.send({ type: "tracks", tracks: this.mine });
  }

  async handle(message: CallServerMessage): Promise<void> {
    switch (message.type) {
      case "welcome":
        // A reconnected socket is a new peer: the room forgot what it published, so it publishes again on join.
        this.forget();
        this.joined = false;
        this.myPeerId = message.peerId;
        for (const peer of message.peers) this.remember(peer);
        for (const entry of message.tracks ?? []) this.publish(entry);
        return this.changed();
      case "joined":
        this.remember(message.peer);
        return this.changed();
      case "left":
        this.drop(message.peerId);
        return this.changed();
      case "state": {
        const peer = this.peers.get(message.peerId);
        if (peer) this.peers.set(message.peerId, { ...peer, ...message.state });
        return this.changed();
      }
      case "tracks":
        this.publish(message);
        return this.changed();
      case "offer":
      case "answer":
      case "ice":
        // Browser-to-browser signalling from a peer that has not switched to Calls yet: not for us.
        return;
      case "ended":
      case "recording":
        return;
      default:
        message satisfies never;
    }
  }

  handover(state: MediaState): TransportHandover {
    return { myPeerId: this.myPeerId, peers: [...this.peers.values()], published: this.publishedList(), joined: this.joined, state };
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    const finish = () => {
      // Closing the connection first makes partytracks skip closing each track one by one (nothing to
      // renegotiate on a connection that is going away); Calls drops the session's tracks with it.
      this.peerConnection?.close();
      this.forget();
      for (const s of this.subscriptions.splice(0)) s.unsubscribe();
      this.outgoing.audio.complete();
      this.outgoing.video.complete();
    };
    if (this.inFlight === 0) return finish();
    // A renegotiation is under way (say, closing the tracks of someone who just left): let it land first,
    // so partytracks does not apply its answer to a connection that is already closed.
    const since = Date.now();
    const wait = () => (this.inFlight === 0 || Date.now() - since > 2000 ? setTimeout(finish, 200) : setTimeout(wait, 50));
    wait();
  }

  private publishedList(): PeerTracks[] {
    return [...this.published].map(([peerId, tracks]) => ({ peerId, tracks }));
  }

  private forget() {
    for (const id of [...this.peers.keys()]) this.drop(id);
    this.published.clear();
  }

  private remember(peer: CallPeer) {
    const known = this.peers.get(peer.peerId);
    const { peerId, userId, muted, cameraOff, sharingScreen } = peer;
    this.peers.set(peerId, {
      peerId,
      userId,
      muted,
      cameraOff,
      sharingScreen,
      stream: known?.stream ?? new MediaStream(),
      connection: known?.connection ?? "new",
    });
  }

  /** Pulls what a peer publishes; a track it re-pushed (new session or name) is pulled anew by partytracks. */
  private publish({ peerId, tracks }: PeerTracks) {
    if (peerId === this.myPeerId) return;
    this.published.set(peerId, tracks);
    const pulls = this.pulls.get(peerId) ?? new Map<string, Pull>();
    this.pulls.set(peerId, pulls);
    for (const track of tracks) {
      const metadata = { sessionId: track.sessionId, trackName: track.trackName, location: "remote" as const };
      const existing = pulls.get(track.kind);
      if (existing) {
        existing.metadata.next(metadata);
        continue;
      }
      const subject = new BehaviorSubject(metadata);
      const subscription = this.partyTracks.pull(subject).subscribe({
        next: (pulled) => this.received(peerId, pulled),
        error: (error: Error) => this.failed(`A participant's ${track.kind} could not be received (${error.message}).`),
      });
      pulls.set(track.kind, { metadata: subject, subscription });
    }
    this.refresh(peerId);
  }

  private received(peerId: string, track: MediaStreamTrack) {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    const others = peer.stream.getTracks().filter((t) => t.kind !== track.kind);
    // A fresh stream object makes React hand the element its new tracks.
    this.peers.set(peerId, { ...peer, stream: new MediaStream([...others, track]) });
    this.refresh(peerId);
    this.changed();
  }

  /** A peer counts as connected once our Calls connection is up and its video has arrived. */
  private refresh(peerId: string) {
    const peer = this.peers.get(peerId);
    if (!peer) return;
    const hasVideo = peer.stream.getVideoTracks().length > 0;
    const connection: RTCPeerConnectionState =
      this.connection === "connected" ? (hasVideo ? "connected" : "connecting") : this.published.has(peerId) ? this.connection : "new";
    if (connection !== peer.connection) this.peers.set(peerId, { ...peer, connection });
  }

  private drop(peerId: string) {
    for (const pull of this.pulls.get(peerId)?.values() ?? []) {
      pull.subscription.unsubscribe();
      pull.metadata.complete();
    }
    this.pulls.delete(peerId);
    this.published.delete(peerId);
    this.peers.delete(peerId);
  }
}
