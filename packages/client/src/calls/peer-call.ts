import { callSignalSchema } from '@app/contracts';
import { type Api, call } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { ChannelEvent, RealtimeClient } from '../realtime/client.js';
import { CallStateTracker, type PeerCallState } from './call-state.js';
import { Emitter } from './emitter.js';
import { LocalMedia } from './local-media.js';
import { type CallRole, Negotiator } from './negotiator.js';

export interface PeerCallOptions {
  /** A connected realtime client (the signals go over `call:<callId>`). */
  realtime: Pick<RealtimeClient, 'subscribe' | 'publish'>;
  /** The typed API client (ICE servers, hang-up). */
  api: Api;
  callId: string;
  /** `callRole(call, me)`: the call's caller offers, the callee answers. */
  role: CallRole;
  /** Our own user id: the relay echoes our signals back to us, and we skip them. */
  userId: string;
  /** Send and receive video too (default true); an audio call can turn the camera on later. */
  video?: boolean;
  microphoneId?: string;
  cameraId?: string;
  /** Only relayed (TURN) candidates: hides our addresses from the other side, or tests TURN. */
  relayOnly?: boolean;
  /** Restarts in a row before the caller gives up (default 3). */
  maxIceRestarts?: number;
  /** How long a lost connection may take to come back before the call is `failed` (default 30 s). */
  reconnectTimeoutMs?: number;
  /** Defaults to the browser's. */
  mediaDevices?: MediaDevices;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
}

/** What a PeerCall tells its listeners. */
export interface PeerCallEvents extends Record<string, unknown> {
  state: PeerCallState;
  /** Our microphone/camera (the same stream each time; its tracks change). */
  localStream: MediaStream;
  /** The other side's audio and video (the same stream each time; a track arrives once). */
  remoteStream: MediaStream;
  /** Something went wrong without ending the call (a signal not sent, a description refused). */
  error: Error;
}

/** The role of `userId` in a call: its caller offers, its callee answers. */
export function callRole(callInfo: { callerId: string }, userId: string): CallRole {
  return callInfo.callerId === userId ? 'caller' : 'callee';
}

/**
 * The browser side of a 1:1 call: media, the peer connection and its signaling over the call's
 * channel (docs/realtime.md#browser-calls). The callee starts it before accepting the call (so it
 * hears the first offer); the caller starts it right after starting the call (its local preview
 * shows while it rings, and the offer is sent again when the callee accepts) or once accepted.
 */
export class PeerCall {
  readonly remoteStream: MediaStream;
  private readonly events = new Emitter<PeerCallEvents>();
  private readonly negotiator: Negotiator;
  private readonly tracker: CallStateTracker;
  private media: LocalMedia | undefined;
  private peer: RTCPeerConnection | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private readonly onOnline = () => this.tracker.online();

  constructor(private readonly options: PeerCallOptions) {
    this.remoteStream = new MediaStream();
    this.negotiator = new Negotiator({
      role: options.role,
      send: (signal) => options.realtime.publish(this.channel, 'signal', signal),
      beforeAnswer: () => this.attachLocalTracks(),
      onError: (error) => this.events.emit('error', error),
    });
    this.tracker = new CallStateTracker({
      role: options.role,
      restartIce: () => this.negotiator.restart(),
      onState: (state) => this.events.emit('state', state),
      maxIceRestarts: options.maxIceRestarts,
      reconnectTimeoutMs: options.reconnectTimeoutMs,
    });
  }

  get state(): PeerCallState {
    return this.tracker.state;
  }

  get localStream(): MediaStream | undefined {
    return this.media?.stream;
  }

  get microphoneEnabled(): boolean {
    return this.media?.microphoneEnabled ?? false;
  }

  get cameraEnabled(): boolean {
    return this.media?.cameraEnabled ?? false;
  }

  /** Milliseconds spent connected (time spent reconnecting is not counted). */
  get connectedMs(): number {
    return this.tracker.connectedMs();
  }

  on<K extends keyof PeerCallEvents>(event: K, listener: (payload: PeerCallEvents[K]) => void): () => void {
    return this.events.on(event, listener);
  }

  /**
   * Joins the call's channel, opens the microphone (and camera), fetches the ICE servers and
   * creates the peer connection; the caller then sends its offer. Rejects when media or the
   * channel is refused (the call is then `failed`).
   */
  async start(): Promise<void> {
    const { options } = this;
    try {
      this.unsubscribe = await options.realtime.subscribe(
        this.channel,
        (event) => this.onChannelEvent(event),
        {
          onResubscribed: () => this.negotiator.resendOffer(),
        },
      );
      const devices = options.mediaDevices ?? globalThis.navigator.mediaDevices;
      const [media, servers] = await Promise.all([
        LocalMedia.open(devices, {
          video: options.video ?? true,
          microphoneId: options.microphoneId,
          cameraId: options.cameraId,
        }),
        call(options.api.GET('/api/v1/realtime/ice-servers')),
      ]);
      this.media = media;
      if (this.state === 'ended') {
        this.release();
        return;
      }
      this.events.emit('localStream', media.stream);
      const config: RTCConfiguration = {
        iceServers: servers.iceServers,
        iceTransportPolicy: options.relayOnly ? 'relay' : 'all',
      };
      const peer = options.createPeerConnection?.(config) ?? new RTCPeerConnection(config);
      this.peer = peer;
      this.wire(peer);
      if (options.role === 'caller') {
        // The caller's transceivers fix the m-lines once: audio then video, both ways, so turning
        // the camera on later is a replaceTrack, never a renegotiation.
        for (const kind of ['audio', 'video'] as const) {
          peer.addTransceiver(media.track(kind) ?? kind, { direction: 'sendrecv', streams: [media.stream] });
        }
      }
      this.negotiator.attach(peer);
      this.negotiator.offer();
      globalThis.addEventListener?.('online', this.onOnline);
    } catch (error) {
      this.tracker.fail();
      this.release();
      throw error;
    }
  }

  /** Caller: restarts ICE now (new candidates, e.g. after a network change); the callee waits. */
  restartIce(): void {
    this.negotiator.restart();
  }

  setMicrophoneEnabled(on: boolean): void {
    this.media?.setMicrophoneEnabled(on);
  }

  /** Turns the camera off (stopped, nothing is sent) or on again (works for audio calls too). */
  async setCameraEnabled(on: boolean): Promise<void> {
    if (!this.media) return;
    const track = await this.media.setCameraEnabled(on);
    await this.sender('video')?.replaceTrack(track);
    this.events.emit('localStream', this.media.stream);
  }

  /** Uses another microphone or camera (from `listMediaDevices`) without renegotiating. */
  async switchDevice(kind: 'audio' | 'video', deviceId: string): Promise<void> {
    if (!this.media) return;
    const track = await this.media.switchDevice(kind, deviceId);
    await this.sender(kind)?.replaceTrack(track);
    this.events.emit('localStream', this.media.stream);
  }

  /** The connection's statistics (a quality display, tests); undefined before `start`. */
  async getStats(): Promise<RTCStatsReport | undefined> {
    return this.peer?.getStats();
  }

  /** Hangs up (the other side gets `call.ended`) and ends locally. */
  async hangUp(): Promise<void> {
    const { api, callId } = this.options;
    this.end();
    try {
      await call(api.POST('/api/v1/realtime/calls/{callId}/hangup', { params: { path: { callId } } }));
    } catch (error) {
      // Already ended (by the other side, or a decline) is what we wanted.
      if (!(error instanceof ApiError && error.code === 'CONFLICT')) throw error;
    }
  }

  /** Ends locally: stops media, closes the connection, leaves the channel. */
  end(): void {
    if (this.state === 'ended') return;
    this.tracker.end();
    this.release();
  }

  private get channel(): string {
    return `call:${this.options.callId}`;
  }

  private onChannelEvent(event: ChannelEvent): void {
    if (event.event === 'call.ended') {
      this.end();
      return;
    }
    if (event.event === 'call.accepted') {
      this.negotiator.resendOffer();
      return;
    }
    const { payload } = event;
    if (event.event !== 'signal' || typeof payload !== 'object' || payload === null) return;
    if (!('from' in payload) || !('data' in payload) || payload.from === this.options.userId) return;
    const signal = callSignalSchema.safeParse(payload.data);
    if (signal.success) this.negotiator.receive(signal.data);
  }

  private wire(peer: RTCPeerConnection): void {
    peer.addEventListener('icecandidate', (event) => {
      if (event.candidate) this.negotiator.localCandidate(event.candidate.toJSON());
    });
    peer.addEventListener('track', (event) => {
      if (!this.remoteStream.getTracks().includes(event.track)) this.remoteStream.addTrack(event.track);
      this.events.emit('remoteStream', this.remoteStream);
    });
    peer.addEventListener('connectionstatechange', () => this.tracker.peerState(peer.connectionState));
  }

  /** Callee: sends our tracks on the transceivers the offer created (once; restarts reuse them). */
  private async attachLocalTracks(): Promise<void> {
    const { peer, media } = this;
    if (!peer || !media) return;
    for (const transceiver of peer.getTransceivers()) {
      if (transceiver.direction === 'sendrecv') continue;
      const kind = transceiver.receiver.track.kind === 'audio' ? 'audio' : 'video';
      transceiver.direction = 'sendrecv';
      transceiver.sender.setStreams(media.stream);
      await transceiver.sender.replaceTrack(media.track(kind));
    }
  }

  private sender(kind: 'audio' | 'video'): RTCRtpSender | undefined {
    return this.peer?.getTransceivers().find((t) => t.receiver.track.kind === kind)?.sender;
  }

  private release(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    this.negotiator.close();
    this.peer?.close();
    this.media?.stop();
    void this.unsubscribe?.().catch(() => undefined);
    this.unsubscribe = undefined;
  }
}
