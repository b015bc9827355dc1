import type { callSignalSchema } from '@app/contracts';

/** What travels on `call:<id>` as a `signal` event (the server relays it as `{ from, data }`). */
export type CallSignal = ReturnType<typeof callSignalSchema.parse>;

/** Who offers: the call's caller (its `callerId`) always, so both sides never offer at once. */
export type CallRole = 'caller' | 'callee';

/** A session description as both RTCPeerConnection and test fakes hold it. */
export interface SessionDescription {
  readonly type: RTCSdpType;
  readonly sdp: string;
}

/** The part of RTCPeerConnection that offer/answer/ICE exchange uses. */
export interface NegotiationPeer {
  readonly signalingState: RTCSignalingState;
  readonly localDescription: SessionDescription | null;
  readonly remoteDescription: SessionDescription | null;
  createOffer(options?: RTCOfferOptions): Promise<RTCSessionDescriptionInit>;
  createAnswer(): Promise<RTCSessionDescriptionInit>;
  setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void>;
  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void>;
  addIceCandidate(candidate: RTCIceCandidateInit): Promise<void>;
}

export interface NegotiatorOptions {
  role: CallRole;
  /** Publishes a signal on the call's channel; the negotiator sends one at a time, in order. */
  send(signal: CallSignal): Promise<unknown>;
  /** Callee: runs after an offer is applied and before the answer is made (attach local tracks). */
  beforeAnswer?(): Promise<void> | void;
  /** A step that failed (a refused description, a signal that could not be sent). */
  onError(error: Error): void;
  /** Caller: re-sends an unanswered offer after `baseMs`, doubling up to `maxMs`. */
  resend?: { baseMs: number; maxMs: number };
}

/**
 * The offer/answer/ICE exchange of one 1:1 call. Only the caller offers (the first offer and
 * each ICE restart); the callee answers. Everything runs one step at a time in arrival order, so
 * a candidate that arrives while an offer is still being applied waits for it. Signals that
 * arrive before the peer connection exists wait for `attach`, candidates that arrive before
 * the remote description are held until it is set, and outgoing signals are sent one after the
 * other (each after the previous one was acknowledged) so the other side sees them in order.
 *
 * The relay is at-most-once and the callee may join the channel after the first offer was sent
 * (it rings first; and after glare the other side is the caller), so the caller re-sends its
 * current offer (with the candidates gathered so far) until an answer comes; the callee answers a
 * repeated offer with its current answer instead of applying it again.
 */
export class Negotiator {
  private peer: NegotiationPeer | undefined;
  private work: Promise<void>;
  private outgoing: Promise<void> = Promise.resolve();
  private readonly heldCandidates: RTCIceCandidateInit[] = [];
  private restartWanted = false;
  private resendTimer: ReturnType<typeof setTimeout> | undefined;
  private resendAttempt = 0;
  private closed = false;
  private resolveAttached: (peer: NegotiationPeer) => void = () => {};

  constructor(private readonly options: NegotiatorOptions) {
    this.work = new Promise<NegotiationPeer>((resolve) => {
      this.resolveAttached = resolve;
    }).then((peer) => {
      this.peer = peer;
    });
  }

  /** Starts processing with the peer connection; signals received until now are handled first. */
  attach(peer: NegotiationPeer): void {
    this.resolveAttached(peer);
  }

  /** A signal relayed from the other participant. */
  receive(signal: CallSignal): void {
    this.enqueue((peer) => this.handle(peer, signal));
  }

  /** Caller: makes and sends the first offer. */
  offer(): void {
    if (this.options.role !== 'caller') return;
    this.enqueue((peer) => this.makeOffer(peer, false));
  }

  /**
   * Caller: an offer with `iceRestart` (new ICE credentials, new candidates). While an offer is
   * unanswered the restart waits for its answer. The callee cannot restart (it never offers).
   */
  restart(): void {
    if (this.options.role !== 'caller') return;
    this.enqueue(async (peer) => {
      if (peer.signalingState !== 'stable' || peer.remoteDescription === null) {
        this.restartWanted = true;
        return;
      }
      await this.makeOffer(peer, true);
    });
  }

  /** Caller: sends the unanswered offer again now (the callee just joined, or we reconnected). */
  resendOffer(): void {
    if (this.options.role !== 'caller') return;
    this.enqueue(async (peer) => {
      if (peer.signalingState !== 'have-local-offer') return;
      this.resendAttempt = 0;
      this.sendCurrentOffer(peer);
    });
  }

  /** A candidate our peer connection gathered. */
  localCandidate(candidate: RTCIceCandidateInit): void {
    if (!candidate.candidate) return;
    this.post({
      kind: 'ice',
      data: {
        candidate: candidate.candidate,
        sdpMid: candidate.sdpMid ?? null,
        sdpMLineIndex: candidate.sdpMLineIndex ?? null,
        usernameFragment: candidate.usernameFragment ?? null,
      },
    });
  }

  /** Stops: nothing more is applied or sent. */
  close(): void {
    this.closed = true;
    clearTimeout(this.resendTimer);
  }

  private enqueue(step: (peer: NegotiationPeer) => Promise<void>): void {
    this.work = this.work
      .then(() => {
        if (this.closed || !this.peer) return;
        return step(this.peer);
      })
      .catch((error: unknown) => {
        if (!this.closed) this.options.onError(toError(error));
      });
  }

  private async handle(peer: NegotiationPeer, signal: CallSignal): Promise<void> {
    if (signal.kind === 'ice') {
      const candidate = typeof signal.data === 'string' ? undefined : toCandidate(signal.data);
      if (!candidate) return;
      if (peer.remoteDescription === null) {
        this.heldCandidates.push(candidate);
        return;
      }
      await this.addCandidate(peer, candidate);
      return;
    }
    if (typeof signal.data !== 'string') return;
    if (signal.kind === 'offer' && this.options.role === 'callee') await this.answer(peer, signal.data);
    if (signal.kind === 'answer' && this.options.role === 'caller') await this.applyAnswer(peer, signal.data);
  }

  private async answer(peer: NegotiationPeer, sdp: string): Promise<void> {
    const current = peer.remoteDescription;
    if (
      current !== null &&
      peer.signalingState === 'stable' &&
      peer.localDescription !== null &&
      sessionVersion(current.sdp) === sessionVersion(sdp)
    ) {
      // The same offer again: our answer was lost, or it crossed the re-sent offer.
      this.post({ kind: 'answer', data: peer.localDescription.sdp });
      return;
    }
    await peer.setRemoteDescription({ type: 'offer', sdp });
    await this.options.beforeAnswer?.();
    await this.addHeldCandidates(peer);
    const answer = await peer.createAnswer();
    await peer.setLocalDescription(answer);
    this.post({ kind: 'answer', data: peer.localDescription?.sdp ?? answer.sdp ?? '' });
  }

  private async applyAnswer(peer: NegotiationPeer, sdp: string): Promise<void> {
    // Only an answer to the offer we are waiting on; a repeated one arrives when we are stable.
    if (peer.signalingState !== 'have-local-offer') return;
    await peer.setRemoteDescription({ type: 'answer', sdp });
    clearTimeout(this.resendTimer);
    this.resendAttempt = 0;
    await this.addHeldCandidates(peer);
    if (this.restartWanted) {
      this.restartWanted = false;
      await this.makeOffer(peer, true);
    }
  }

  private async makeOffer(peer: NegotiationPeer, iceRestart: boolean): Promise<void> {
    const offer = await peer.createOffer(iceRestart ? { iceRestart: true } : {});
    await peer.setLocalDescription(offer);
    this.resendAttempt = 0;
    this.sendCurrentOffer(peer);
  }

  private sendCurrentOffer(peer: NegotiationPeer): void {
    const sdp = peer.localDescription?.sdp;
    if (sdp === undefined) return;
    this.post({ kind: 'offer', data: sdp });
    const { baseMs, maxMs } = this.options.resend ?? { baseMs: 1_000, maxMs: 8_000 };
    clearTimeout(this.resendTimer);
    const delay = Math.min(maxMs, baseMs * 2 ** this.resendAttempt);
    this.resendTimer = setTimeout(() => {
      this.enqueue(async (current) => {
        if (current.signalingState !== 'have-local-offer') return;
        this.resendAttempt += 1;
        this.sendCurrentOffer(current);
      });
    }, delay);
  }

  private async addHeldCandidates(peer: NegotiationPeer): Promise<void> {
    for (const candidate of this.heldCandidates.splice(0)) await this.addCandidate(peer, candidate);
  }

  private async addCandidate(peer: NegotiationPeer, candidate: RTCIceCandidateInit): Promise<void> {
    // A candidate of an ICE generation a restart replaced is refused; that is expected.
    await peer.addIceCandidate(candidate).catch(() => undefined);
  }

  private post(signal: CallSignal): void {
    if (this.closed) return;
    this.outgoing = this.outgoing
      .then(() => (this.closed ? undefined : this.options.send(signal)))
      .then(
        () => undefined,
        (error: unknown) => {
          if (!this.closed) this.options.onError(toError(error));
        },
      );
  }
}

/** The `o=` line's session id and version: the same for a re-sent offer, higher for a new one. */
function sessionVersion(sdp: string): string {
  const line = sdp.split(/\r?\n/).find((l) => l.startsWith('o='));
  return line?.split(' ').slice(1, 3).join(' ') ?? sdp;
}

/** The fields of RTCIceCandidateInit, checked (the relay only promises an object). */
function toCandidate(data: Record<string, unknown>): RTCIceCandidateInit | undefined {
  const { candidate, sdpMid, sdpMLineIndex, usernameFragment } = data;
  if (typeof candidate !== 'string') return undefined;
  return {
    candidate,
    sdpMid: typeof sdpMid === 'string' ? sdpMid : null,
    sdpMLineIndex: typeof sdpMLineIndex === 'number' ? sdpMLineIndex : null,
    usernameFragment: typeof usernameFragment === 'string' ? usernameFragment : null,
  };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
