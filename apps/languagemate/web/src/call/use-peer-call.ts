import {
  call as callApi,
  callRole,
  listMediaDevices,
  type MediaDeviceList,
  PeerCall,
  type PeerCallState,
} from '@app/client';
import { type Call, callSchema } from '@app/contracts';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { useApi, useChannel, useRealtime } from '@app/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callRoute } from './call-route.js';
import { relayOnlyPreference } from './relay-preference.js';

/** Where the page is with a call: before PeerCall runs (`idle`), then its own states. */
export type CallPhase = 'idle' | PeerCallState;

/**
 * One call on this page, around `PeerCall` from @app/client: starts it once the call is known
 * (the callee starts it before accepting, so it hears the first offer), follows the call's record
 * (`call.accepted`, `call.ended` on `call:<id>`), and exposes the streams, the toggles, the device
 * list and the connected time. Everything WebRTC lives in PeerCall; this only adapts it to React.
 */
export function usePeerCall({
  callInfo,
  me,
  video,
  accept,
}: {
  callInfo: Call | undefined;
  me: string;
  /** Start with the camera (video call) or without (voice call; it can be turned on later). */
  video: boolean;
  /** The callee arrived from "accept": accept once PeerCall listens. */
  accept: boolean;
}) {
  const api = useApi<LanguagematePaths>();
  const { client, state: connection } = useRealtime();
  const peer = useRef<PeerCall>(undefined);
  const [phase, setPhase] = useState<CallPhase>('idle');
  const [record, setRecord] = useState<Call | undefined>(callInfo);
  const [localStream, setLocalStream] = useState<MediaStream>();
  const [remoteStream, setRemoteStream] = useState<MediaStream>();
  const [remoteVideoOn, setRemoteVideoOn] = useState(false);
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(video);
  const [devices, setDevices] = useState<MediaDeviceList>();
  const [error, setError] = useState<unknown>();
  const [route, setRoute] = useState<'relay' | 'direct'>();

  useEffect(() => {
    if (callInfo) setRecord((current) => current ?? callInfo);
  }, [callInfo]);

  const callId = callInfo?.id;
  const startable = callInfo !== undefined && callInfo.state !== 'ended' && connection === 'open';
  // biome-ignore lint/correctness/useExhaustiveDependencies: one PeerCall per call, started once the socket is open
  useEffect(() => {
    if (!startable || !callInfo) return;
    const fresh = peer.current === undefined;
    const instance =
      peer.current ??
      new PeerCall({
        realtime: client,
        api,
        callId: callInfo.id,
        role: callRole(callInfo, me),
        userId: me,
        video,
        relayOnly: relayOnlyPreference(),
      });
    peer.current = instance;
    const showRemote = (stream: MediaStream) => {
      setRemoteStream(stream);
      for (const track of stream.getVideoTracks()) {
        // A camera turned off on the other side shows as a muted track.
        setRemoteVideoOn(!track.muted);
        track.onmute = () => setRemoteVideoOn(false);
        track.onunmute = () => setRemoteVideoOn(true);
      }
    };
    const stops = [
      instance.on('state', setPhase),
      instance.on('localStream', (stream) => {
        setLocalStream(stream);
        setCameraOn(instance.cameraEnabled);
      }),
      instance.on('remoteStream', showRemote),
      instance.on('error', setError),
    ];
    setPhase(instance.state);
    if (fresh)
      void (async () => {
        try {
          await instance.start();
          setDevices(await listMediaDevices().catch(() => undefined));
          if (accept && callInfo.calleeId === me && callInfo.state === 'ringing') {
            const accepted = await callApi(
              api.POST('/api/v1/realtime/calls/{callId}/accept', {
                params: { path: { callId: callInfo.id } },
              }),
            );
            setRecord(accepted);
          }
        } catch (e) {
          setError(e);
          instance.end();
        }
      })();
    else {
      if (instance.localStream) setLocalStream(instance.localStream);
      showRemote(instance.remoteStream);
    }
    return () => {
      for (const stop of stops) stop();
    };
  }, [startable, callId]);

  // Once connected (and after each reconnect), how the media travels: shown as "relayed".
  useEffect(() => {
    if (phase !== 'connected') return;
    let stopped = false;
    const read = () =>
      void peer.current
        ?.getStats()
        .then((stats) => {
          if (!stopped) setRoute(callRoute(stats));
        })
        .catch(() => undefined);
    read();
    const timer = setInterval(read, 5_000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [phase]);

  // Leaving the page ends the call on this side (and tells the other side). Deferred a tick, so a
  // development remount (StrictMode) is not taken for leaving.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      setTimeout(() => {
        const instance = peer.current;
        if (!mounted.current && instance && instance.state !== 'ended')
          void instance.hangUp().catch(() => undefined);
      }, 0);
    };
  }, []);

  useChannel(
    client,
    connection === 'open' && startable,
    callId ? `call:${callId}` : null,
    (event, payload) => {
      if (event !== 'call.accepted' && event !== 'call.ended') return;
      const parsed = callSchema.safeParse(payload);
      if (parsed.success) setRecord(parsed.data);
    },
  );

  const toggleMic = useCallback(() => {
    const instance = peer.current;
    if (!instance) return;
    instance.setMicrophoneEnabled(!instance.microphoneEnabled);
    setMicOn(instance.microphoneEnabled);
  }, []);

  const toggleCamera = useCallback(async () => {
    const instance = peer.current;
    if (!instance) return;
    try {
      await instance.setCameraEnabled(!instance.cameraEnabled);
    } catch (e) {
      setError(e);
    }
    setCameraOn(instance.cameraEnabled);
  }, []);

  const switchDevice = useCallback(async (kind: 'audio' | 'video', deviceId: string) => {
    try {
      await peer.current?.switchDevice(kind, deviceId);
    } catch (e) {
      setError(e);
    }
  }, []);

  const hangUp = useCallback(async () => {
    const instance = peer.current;
    if (!instance) return;
    try {
      await instance.hangUp();
    } catch (e) {
      setError(e);
    }
    setPhase('ended');
  }, []);

  /** A caller can restart ICE by hand when the connection failed. */
  const reconnect = useCallback(() => peer.current?.restartIce(), []);
  const connectedMs = useCallback(() => peer.current?.connectedMs ?? 0, []);

  return {
    phase,
    record,
    role: callInfo ? callRole(callInfo, me) : undefined,
    localStream,
    remoteStream,
    remoteVideoOn,
    micOn,
    cameraOn,
    devices,
    error,
    toggleMic,
    toggleCamera,
    switchDevice,
    hangUp,
    reconnect,
    connectedMs,
    route,
    realtimeOpen: connection === 'open',
  };
}

export type PeerCallView = ReturnType<typeof usePeerCall>;
