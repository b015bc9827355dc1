import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CallSignal, type NegotiationPeer, Negotiator, type SessionDescription } from './negotiator.js';

/**
 * A peer connection's signaling state machine (the browser's rules that matter here: offers and
 * answers move the state, a candidate needs a remote description of its ICE generation), with
 * every step taking a turn of the event loop like the real one.
 */
class FakePeer implements NegotiationPeer {
  signalingState: RTCSignalingState = 'stable';
  localDescription: SessionDescription | null = null;
  remoteDescription: SessionDescription | null = null;
  readonly added: string[] = [];
  readonly offersApplied: string[] = [];
  private version = 1;
  private generation = 1;

  constructor(private readonly name: string) {}

  private get ufrag(): string {
    return `${this.name}${this.generation}`;
  }

  async createOffer(options?: RTCOfferOptions): Promise<RTCSessionDescriptionInit> {
    await tick();
    if (options?.iceRestart) this.generation += 1;
    return { type: 'offer', sdp: this.sdp() };
  }

  async createAnswer(): Promise<RTCSessionDescriptionInit> {
    await tick();
    if (this.signalingState !== 'have-remote-offer') throw new Error('createAnswer without an offer');
    const offeredUfrag = ufragOf(this.remoteDescription?.sdp ?? '');
    // A restart offer (new ufrag) gets new credentials in the answer too.
    if (this.lastOfferedUfrag && offeredUfrag !== this.lastOfferedUfrag) this.generation += 1;
    this.lastOfferedUfrag = offeredUfrag;
    return { type: 'answer', sdp: this.sdp() };
  }

  private lastOfferedUfrag = '';

  async setLocalDescription(description?: RTCSessionDescriptionInit): Promise<void> {
    await tick();
    if (!description?.type || description.sdp === undefined) throw new Error('no description');
    if (description.type === 'offer') {
      if (this.signalingState !== 'stable' && this.signalingState !== 'have-local-offer')
        throw new Error(`offer in ${this.signalingState}`);
      this.signalingState = 'have-local-offer';
    } else {
      if (this.signalingState !== 'have-remote-offer') throw new Error(`answer in ${this.signalingState}`);
      this.signalingState = 'stable';
    }
    this.localDescription = { type: description.type, sdp: description.sdp };
    this.version += 1;
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await tick();
    if (description.sdp === undefined) throw new Error('no sdp');
    if (description.type === 'offer') {
      if (this.signalingState === 'have-local-offer') throw new Error('glare: offer in have-local-offer');
      this.signalingState = 'have-remote-offer';
      this.offersApplied.push(description.sdp);
    } else {
      if (this.signalingState !== 'have-local-offer') throw new Error(`answer in ${this.signalingState}`);
      this.signalingState = 'stable';
    }
    this.remoteDescription = { type: description.type ?? 'offer', sdp: description.sdp };
  }

  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    await tick();
    if (!this.remoteDescription) throw new Error('InvalidStateError: no remote description');
    if (candidate.usernameFragment !== ufragOf(this.remoteDescription.sdp)) throw new Error('unknown ufrag');
    this.added.push(candidate.candidate ?? '');
  }

  /** A candidate this side gathered for its current ICE generation. */
  candidate(n: number): RTCIceCandidateInit {
    return {
      candidate: `candidate:${this.ufrag}-${n}`,
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: this.ufrag,
    };
  }

  private sdp(): string {
    return `v=0\r\no=- 42${this.name.length} ${this.version} IN IP4 127.0.0.1\r\na=ice-ufrag:${this.ufrag}\r\n`;
  }
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const ufragOf = (sdp: string) => /a=ice-ufrag:(\S+)/.exec(sdp)?.[1] ?? '';

/** A caller and a callee whose signals are delivered by the test, in order per direction. */
function pair(options: { resend?: { baseMs: number; maxMs: number } } = {}) {
  const toCallee: CallSignal[] = [];
  const toCaller: CallSignal[] = [];
  const errors: Error[] = [];
  const callerPeer = new FakePeer('a');
  const calleePeer = new FakePeer('b');
  const caller = new Negotiator({
    role: 'caller',
    send: async (signal) => toCallee.push(signal),
    onError: (error) => errors.push(error),
    resend: options.resend ?? { baseMs: 1_000, maxMs: 8_000 },
  });
  const beforeAnswer = vi.fn();
  const callee = new Negotiator({
    role: 'callee',
    send: async (signal) => toCaller.push(signal),
    beforeAnswer,
    onError: (error) => errors.push(error),
  });
  return { caller, callee, callerPeer, calleePeer, toCallee, toCaller, errors, beforeAnswer };
}

/** Lets queued steps run (fake timers fire a zero-delay timer set by a timer 1 ms later). */
async function settle(): Promise<void> {
  for (let i = 0; i < 40; i++) await vi.advanceTimersByTimeAsync(1);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Negotiator', () => {
  it('holds candidates that arrive before the offer (and before the peer exists) until the offer is applied', async () => {
    const { callee, calleePeer, caller, callerPeer, toCallee, toCaller, errors, beforeAnswer } = pair();
    caller.attach(callerPeer);
    caller.offer();
    await settle();
    const [offer] = toCallee.splice(0);
    // The callee's channel delivers candidates first, then the offer, then more, all before its
    // peer connection exists.
    callee.receive({ kind: 'ice', data: { ...callerPeer.candidate(1) } });
    callee.receive({ kind: 'ice', data: { ...callerPeer.candidate(2) } });
    if (offer) callee.receive(offer);
    callee.receive({ kind: 'ice', data: { ...callerPeer.candidate(3) } });
    await settle();
    expect(calleePeer.added).toEqual([]);
    callee.attach(calleePeer);
    await settle();
    expect(calleePeer.added).toEqual(['candidate:a1-1', 'candidate:a1-2', 'candidate:a1-3']);
    expect(beforeAnswer).toHaveBeenCalledTimes(1);
    expect(calleePeer.signalingState).toBe('stable');
    expect(toCaller.map((s) => s.kind)).toEqual(['answer']);
    expect(errors).toEqual([]);
  });

  it('only the caller offers: an offer reaching the caller and an answer reaching the callee are ignored', async () => {
    const { caller, callee, callerPeer, calleePeer, toCaller, toCallee, errors } = pair();
    caller.attach(callerPeer);
    callee.attach(calleePeer);
    callee.offer();
    callee.restart();
    caller.receive({ kind: 'offer', data: 'v=0\r\no=- 1 1 IN IP4 0\r\n' });
    callee.receive({ kind: 'answer', data: 'v=0\r\no=- 1 1 IN IP4 0\r\n' });
    await settle();
    expect(toCaller).toEqual([]);
    expect(toCallee).toEqual([]);
    expect([callerPeer.signalingState, calleePeer.signalingState]).toEqual(['stable', 'stable']);
    expect(errors).toEqual([]);
  });

  it('re-sends an unanswered offer with backoff until the answer comes, and answers a repeat without re-applying it', async () => {
    const { caller, callee, callerPeer, calleePeer, toCallee, toCaller, errors } = pair({
      resend: { baseMs: 1_000, maxMs: 4_000 },
    });
    caller.attach(callerPeer);
    callee.attach(calleePeer);
    caller.offer();
    await settle();
    expect(toCallee).toHaveLength(1);
    // Nobody listens yet (the call still rings): 1 s, 2 s, 4 s, then every 4 s.
    for (const [ms, count] of [
      [1_000, 2],
      [2_000, 3],
      [4_000, 4],
      [4_000, 5],
    ] as const) {
      await vi.advanceTimersByTimeAsync(ms);
      await settle();
      expect(toCallee).toHaveLength(count);
    }
    // Every copy is the same offer; the callee applies it once and repeats its answer.
    for (const signal of toCallee.splice(0, 2)) callee.receive(signal);
    await settle();
    expect(calleePeer.offersApplied).toHaveLength(1);
    expect(toCaller.map((s) => s.kind)).toEqual(['answer', 'answer']);
    expect(toCaller[0]?.data).toBe(toCaller[1]?.data);
    for (const signal of toCaller.splice(0)) caller.receive(signal);
    await settle();
    expect(callerPeer.signalingState).toBe('stable');
    toCallee.splice(0);
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(toCallee).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('restarts ICE with a new offer; a restart asked while an offer is unanswered waits for its answer', async () => {
    const { caller, callee, callerPeer, calleePeer, toCallee, toCaller, errors } = pair();
    caller.attach(callerPeer);
    callee.attach(calleePeer);
    caller.offer();
    caller.restart();
    await settle();
    expect(toCallee.map((s) => s.kind)).toEqual(['offer']);
    for (const signal of toCallee.splice(0)) callee.receive(signal);
    await settle();
    for (const signal of toCaller.splice(0)) caller.receive(signal);
    await settle();
    // The answer arrived: now the restart offer goes out, with new ICE credentials.
    const [restart] = toCallee.splice(0);
    expect(restart?.kind).toBe('offer');
    expect(ufragOf(String(restart?.data))).toBe('a2');
    if (restart) callee.receive(restart);
    await settle();
    expect(calleePeer.offersApplied).toHaveLength(2);
    for (const signal of toCaller.splice(0)) caller.receive(signal);
    await settle();
    expect(ufragOf(callerPeer.remoteDescription?.sdp ?? '')).toBe('b2');
    // Candidates of the new generation are used; a late one of the old generation is dropped quietly.
    caller.receive({ kind: 'ice', data: { ...calleePeer.candidate(1) } });
    caller.receive({ kind: 'ice', data: { candidate: 'candidate:b1-9', usernameFragment: 'b1' } });
    await settle();
    expect(callerPeer.added).toEqual(['candidate:b2-1']);
    expect(errors).toEqual([]);
  });

  it('sends local candidates and signals one at a time, each after the previous one was acknowledged', async () => {
    const sent: string[] = [];
    let release: () => void = () => {};
    const negotiator = new Negotiator({
      role: 'caller',
      send: async (signal) => {
        sent.push(signal.kind);
        if (signal.kind === 'offer') await new Promise<void>((resolve) => (release = resolve));
      },
      onError: () => {},
    });
    const peer = new FakePeer('a');
    negotiator.attach(peer);
    negotiator.offer();
    await settle();
    negotiator.localCandidate(peer.candidate(1));
    negotiator.localCandidate({ candidate: '' }); // end of candidates: nothing to send
    await settle();
    expect(sent).toEqual(['offer']);
    release();
    await settle();
    expect(sent).toEqual(['offer', 'ice']);
  });

  it('connects whatever the interleaving of the two directions, and uses every candidate', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 0, maxLength: 30 }),
        fc.nat(4),
        fc.nat(4),
        async (turns, callerCandidates, calleeCandidates) => {
          const { caller, callee, callerPeer, calleePeer, toCallee, toCaller, errors } = pair();
          caller.attach(callerPeer);
          callee.attach(calleePeer);
          caller.offer();
          await settle();
          for (let i = 1; i <= callerCandidates; i++) caller.localCandidate(callerPeer.candidate(i));
          let answered = false;
          const deliverOne = async (toCalleeFirst: boolean) => {
            const queue =
              toCalleeFirst && toCallee.length > 0 ? toCallee : toCaller.length > 0 ? toCaller : toCallee;
            const signal = queue.shift();
            if (!signal) return;
            (queue === toCallee ? callee : caller).receive(signal);
            await settle();
            if (!answered && calleePeer.localDescription) {
              answered = true;
              for (let i = 1; i <= calleeCandidates; i++) callee.localCandidate(calleePeer.candidate(i));
              await settle();
            }
          };
          for (const turn of turns) await deliverOne(turn);
          while (toCallee.length + toCaller.length > 0) await deliverOne(true);
          expect(callerPeer.signalingState).toBe('stable');
          expect(calleePeer.signalingState).toBe('stable');
          expect(calleePeer.added).toHaveLength(callerCandidates);
          expect(callerPeer.added).toHaveLength(calleeCandidates);
          expect(errors).toEqual([]);
          caller.close();
        },
      ),
      { numRuns: 50 },
    );
  });
});
