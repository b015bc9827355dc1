import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallStateTracker, type PeerCallState } from './call-state.js';
import type { CallRole } from './negotiator.js';

function tracker(role: CallRole, options: { maxIceRestarts?: number; reconnectTimeoutMs?: number } = {}) {
  const states: PeerCallState[] = [];
  const restartIce = vi.fn();
  const t = new CallStateTracker({
    role,
    restartIce,
    onState: (s) => states.push(s),
    now: Date.now,
    ...options,
  });
  return { t, states, restartIce };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CallStateTracker', () => {
  it('caller: a lost connection is reconnecting and restarts ICE; back to connected resets the count', () => {
    const { t, states, restartIce } = tracker('caller');
    t.peerState('connecting');
    t.peerState('connected');
    t.peerState('disconnected');
    expect(restartIce).toHaveBeenCalledTimes(1);
    t.peerState('failed');
    expect(restartIce).toHaveBeenCalledTimes(2);
    t.peerState('connected');
    t.peerState('failed');
    expect(restartIce).toHaveBeenCalledTimes(3);
    expect(states).toEqual(['connected', 'reconnecting', 'connected', 'reconnecting']);
  });

  it('caller: stops restarting after maxIceRestarts and fails when the connection is not back in time', async () => {
    const { t, states, restartIce } = tracker('caller', { maxIceRestarts: 2, reconnectTimeoutMs: 10_000 });
    t.peerState('connected');
    for (let i = 0; i < 5; i++) t.peerState('failed');
    expect(restartIce).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(t.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1);
    expect(states).toEqual(['connected', 'reconnecting', 'failed']);
    // A connection that still comes back is used.
    t.peerState('connected');
    expect(t.state).toBe('connected');
  });

  it('callee: never restarts (the caller offers), waits, and a connection that comes back in time cancels the failure', async () => {
    const { t, states, restartIce } = tracker('callee', { reconnectTimeoutMs: 10_000 });
    t.peerState('connected');
    t.peerState('disconnected');
    t.online();
    await vi.advanceTimersByTimeAsync(5_000);
    t.peerState('connected');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(restartIce).not.toHaveBeenCalled();
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('a connection that never came up fails as connecting, not reconnecting', async () => {
    const { t, states } = tracker('caller', { reconnectTimeoutMs: 1_000 });
    t.peerState('new');
    t.peerState('failed');
    expect(t.state).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(states).toEqual(['failed']);
  });

  it('caller: coming back online restarts ICE; an ended call does not', () => {
    const { t, restartIce } = tracker('caller');
    t.peerState('connected');
    t.online();
    expect(restartIce).toHaveBeenCalledTimes(1);
    t.end();
    t.online();
    t.peerState('failed');
    expect(restartIce).toHaveBeenCalledTimes(1);
    expect(t.state).toBe('ended');
  });

  it('counts only the time spent connected', async () => {
    const { t } = tracker('caller');
    await vi.advanceTimersByTimeAsync(3_000); // ringing and connecting do not count
    t.peerState('connected');
    await vi.advanceTimersByTimeAsync(10_000);
    t.peerState('disconnected');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(t.connectedMs()).toBe(10_000);
    t.peerState('connected');
    await vi.advanceTimersByTimeAsync(2_500);
    expect(t.connectedMs()).toBe(12_500);
    t.end();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.connectedMs()).toBe(12_500);
  });
});
