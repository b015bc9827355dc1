import { describe, expect, it } from 'vitest';
import { type BoardStatus, nextStatus, type ProviderEvent } from './connection.js';

const run = (events: ProviderEvent[], from: BoardStatus = 'connecting') => events.reduce(nextStatus, from);

describe('board connection status', () => {
  it('goes live or read-only once the server authenticates', () => {
    expect(run([{ type: 'status', status: 'connected' }])).toBe('connecting');
    expect(
      run([
        { type: 'status', status: 'connected' },
        { type: 'authenticated', scope: 'read-write' },
      ]),
    ).toBe('live');
    expect(run([{ type: 'authenticated', scope: 'readonly' }])).toBe('readOnly');
  });

  it('shows offline while reconnecting, until authenticated again', () => {
    const events: ProviderEvent[] = [
      { type: 'authenticated', scope: 'read-write' },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connecting' },
    ];
    expect(run(events)).toBe('offline');
    expect(run([...events, { type: 'status', status: 'connected' }])).toBe('connecting');
    expect(run([...events, { type: 'authenticated', scope: 'read-write' }])).toBe('live');
  });

  it('keeps a refusal through reconnects', () => {
    expect(
      run([
        { type: 'denied' },
        { type: 'status', status: 'disconnected' },
        { type: 'status', status: 'connecting' },
        { type: 'status', status: 'connected' },
      ]),
    ).toBe('denied');
  });
});
