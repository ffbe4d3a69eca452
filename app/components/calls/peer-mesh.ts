import type { CallClientMessage, CallPeer, CallServerMessage, MediaState, PeerTracks, PublishedTrack } from "../../../party/call-messages";

/** Public STUN lets two browsers behind ordinary NATs find each other. */
export const ICE_SERVERS: RTCIceServer[] = [{ urls: ["stun:stun.cloudflare.com:3478"] }];

export interface RemotePeer extends CallPeer {
  stream: MediaStream;
  connection: RTCPeerConnectionState;
}

/** What one way of carrying a call's media (browser to browser, or through Cloudflare Calls) offers the page. */
export interface CallTransport {
  readonly kind: "p2p" | "sfu";
  readonly peers: Map<string, RemotePeer>;
  myPeerId: string;
  handle(message: CallServerMessage): Promise<void>;
  join(state: MediaState): void;
  replaceTrack(kind: "audio" | "video", track: MediaStreamTrack): Promise<void>;
  /** What the next transport needs to carry on in the same room socket (the call moved to Calls). */
  handover(state: MediaState): TransportHandover;
  close(): void;
}

export interface TransportHandover {
  myPeerId: string;
  peers: CallPeer[];
  published: PeerTracks[];
  joined: boolean;
  state: MediaState;
}

interface Link {
  pc: RTCPeerConnection;
  polite: boolean;
  makingOffer: boolean;
  ignoreOffer: boolean;
}

/**
 * Browser-to-browser media for a small call: one RTCPeerConnection per other peer, negotiated with the
 * "perfect negotiation" pattern (either side may offer; the polite side yields on a collision), with
 * signalling carried by the call room. Whoever was in the call first makes the first offer to a newcomer.
 */
export class PeerMesh implements CallTransport {
  readonly kind = "p2p";
  readonly peers = new Map<string, RemotePeer>();
  /** Calls tracks other peers published (kept for a switch to Calls; browser-to-browser media ignores them). */
  readonly published = new Map<string, readonly PublishedTrack[]>();
  private links = new Map<string, Link>();
  private joined = false;
  myPeerId = "";

  constructor(
    private readonly local: MediaStream,
    private readonly send: (message: CallClientMessage) => void,
    private readonly changed: () => void,
  ) {}

  /** Everyone's camera and microphone go out to every peer; screen share swaps the video track in place. */
  async replaceTrack(kind: "audio" | "video", track: MediaStreamTrack): Promise<void> {
    for (const link of this.links.values()) {
      const sender = link.pc.getSenders().find((s) => s.track?.kind === kind);
      if (sender) await sender.replaceTrack(track);
    }
  }

  join(state: MediaState) {
    this.joined = true;
    this.send({ type: "join", state });
  }

  async handle(message: CallServerMessage): Promise<void> {
    switch (message.type) {
      case "welcome":
        // A (re)connected socket is a new peer to the others: links to the old one are gone on their side too.
        this.close();
        this.myPeerId = message.peerId;
        for (const peer of message.peers) this.remember(peer);
        for (const entry of message.tracks ?? []) this.published.set(entry.peerId, entry.tracks);
        return this.changed();
      case "joined":
        this.remember(message.peer);
        if (this.joined) this.connect(message.peer.peerId);
        return this.changed();
      case "left":
        this.drop(message.peerId);
        return this.changed();
      case "state": {
        const peer = this.peers.get(message.peerId);
        if (peer) this.peers.set(message.peerId, { ...peer, ...message.state });
        return this.changed();
      }
      case "offer":
      case "answer":
        return this.onDescription(message.from, message.description);
      case "ice":
        return this.onCandidate(message.from, message.candidate);
      case "tracks":
        this.published.set(message.peerId, message.tracks);
        return;
      case "ended":
      case "recording":
        return;
      default:
        message satisfies never;
    }
  }

  handover(state: MediaState): TransportHandover {
    const peers = [...this.peers.values()].map(({ peerId, userId, muted, cameraOff, sharingScreen }) => ({
      peerId,
      userId,
      muted,
      cameraOff,
      sharingScreen,
    }));
    const published = [...this.published].map(([peerId, tracks]) => ({ peerId, tracks }));
    return { myPeerId: this.myPeerId, peers, published, joined: this.joined, state };
  }

  close() {
    for (const id of [...this.links.keys()]) this.drop(id);
    this.peers.clear();
    this.published.clear();
  }

  private remember(peer: CallPeer) {
    const known = this.peers.get(peer.peerId);
    this.peers.set(peer.peerId, { ...peer, stream: known?.stream ?? new MediaStream(), connection: known?.connection ?? "new" });
  }

  private drop(peerId: string) {
    this.links.get(peerId)?.pc.close();
    this.links.delete(peerId);
    this.peers.delete(peerId);
    this.published.delete(peerId);
  }

  /** The link to a peer, created with our tracks on first use. */
  private connect(peerId: string): Link {
    const existing = this.links.get(peerId);
    if (existing) return existing;
    const pc = new RTCPeerConnection({ iceServers: ICE_SERVERS });
    const link: Link = { pc, polite: this.myPeerId > peerId, makingOffer: false, ignoreOffer: false };
    this.links.set(peerId, link);
    for (const track of this.local.getTracks()) pc.addTrack(track, this.local);
    pc.addEventListener("track", ({ track }) => {
      const peer = this.peers.get(peerId);
      if (!peer) return;
      for (const old of peer.stream.getTracks().filter((t) => t.kind === track.kind)) peer.stream.removeTrack(old);
      peer.stream.addTrack(track);
      // A fresh stream object makes React hand the element its new tracks.
      this.peers.set(peerId, { ...peer, stream: new MediaStream(peer.stream.getTracks()) });
      this.changed();
    });
    pc.addEventListener("connectionstatechange", () => {
      const peer = this.peers.get(peerId);
      if (peer) this.peers.set(peerId, { ...peer, connection: pc.connectionState });
      this.changed();
    });
    pc.addEventListener("icecandidate", ({ candidate }) => {
      this.send({ type: "ice", to: peerId, candidate: candidate ? candidate.toJSON() : null } as CallClientMessage);
    });
    pc.addEventListener("negotiationneeded", async () => {
      try {
        link.makingOffer = true;
        await pc.setLocalDescription();
        this.sendDescription(peerId, pc.localDescription);
      } finally {
        link.makingOffer = false;
      }
    });
    return link;
  }

  private sendDescription(to: string, description: RTCSessionDescription | null) {
    if (!description || (description.type !== "offer" && description.type !== "answer")) return;
    this.send({ type: description.type, to, description: { type: description.type, sdp: description.sdp } });
  }

  private async onDescription(from: string, description: { type: "offer" | "answer"; sdp: string }) {
    if (!this.peers.has(from)) return;
    const link = this.connect(from);
    const { pc } = link;
    const collision = description.type === "offer" && (link.makingOffer || pc.signalingState !== "stable");
    link.ignoreOffer = !link.polite && collision;
    if (link.ignoreOffer) return;
    await pc.setRemoteDescription(description);
    if (description.type === "offer") {
      await pc.setLocalDescription();
      this.sendDescription(from, pc.localDescription);
    }
  }

  private async onCandidate(from: string, candidate: RTCIceCandidateInit | null) {
    const link = this.links.get(from);
    if (!link) return;
    try {
      await link.pc.addIceCandidate(candidate ?? undefined);
    } catch (error) {
      if (!link.ignoreOffer) throw error;
    }
  }
}
