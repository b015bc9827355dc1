import type { CallRole } from './negotiator.js';

/** A call as its participants see it. */
export type PeerCallState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'ended';

export interface CallStateOptions {
  role: CallRole;
  /** Caller: starts an ICE restart (a new offer with `iceRestart`). */
  restartIce(): void;
  onState(state: PeerCallState): void;
  /** Restarts in a row without getting connected before the caller stops trying (default 3). */
  maxIceRestarts?: number;
  /** How long a lost connection may take to come back before the call is `failed` (default 30 s). */
  reconnectTimeoutMs?: number;
  now?: () => number;
}

/**
 * Turns the peer connection's states into the call's, decides when the caller restarts ICE, and
 * counts connected time. A connection that goes `disconnected` or `failed` makes the call
 * `reconnecting` (`connecting` if it never connected) and, on the caller's side, restarts ICE
 * (at most `maxIceRestarts` times until it is connected again); the callee waits for the
 * caller's new offer. If the connection is not back within `reconnectTimeoutMs` the call is
 * `failed` (the app decides whether to hang up). Coming back online restarts ICE too.
 */
export class CallStateTracker {
  state: PeerCallState = 'connecting';
  private everConnected = false;
  private restarts = 0;
  private connectedSince: number | undefined;
  private connectedTotalMs = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: CallStateOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** The RTCPeerConnection's `connectionState` changed. */
  peerState(peer: RTCPeerConnectionState): void {
    if (this.state === 'ended') return;
    if (peer === 'connected') {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = undefined;
      this.everConnected = true;
      this.restarts = 0;
      this.connectedSince ??= this.now();
      this.set('connected');
      return;
    }
    if (peer !== 'disconnected' && peer !== 'failed') return;
    this.stopClock();
    if (this.state !== 'failed') this.set(this.everConnected ? 'reconnecting' : 'connecting');
    this.reconnectTimer ??= setTimeout(() => {
      if (this.state === 'reconnecting' || this.state === 'connecting') this.set('failed');
    }, this.options.reconnectTimeoutMs ?? 30_000);
    if (this.options.role === 'caller' && this.restarts < (this.options.maxIceRestarts ?? 3)) {
      this.restarts += 1;
      this.options.restartIce();
    }
  }

  /** The device came back online (the window's `online` event): the network may have changed. */
  online(): void {
    if (this.state === 'ended' || this.options.role !== 'caller') return;
    this.options.restartIce();
  }

  /** Setting up failed (media or the channel refused): `failed` at once. */
  fail(): void {
    clearTimeout(this.reconnectTimer);
    this.stopClock();
    if (this.state !== 'ended') this.set('failed');
  }

  /** The call is over; nothing changes its state any more. */
  end(): void {
    clearTimeout(this.reconnectTimer);
    this.stopClock();
    this.set('ended');
  }

  /** Milliseconds spent connected so far (reconnecting time excluded). */
  connectedMs(): number {
    const running = this.connectedSince === undefined ? 0 : this.now() - this.connectedSince;
    return this.connectedTotalMs + running;
  }

  private stopClock(): void {
    if (this.connectedSince === undefined) return;
    this.connectedTotalMs += this.now() - this.connectedSince;
    this.connectedSince = undefined;
  }

  private set(state: PeerCallState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState(state);
  }
}
