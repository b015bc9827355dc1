import { describe, expect, it } from 'vitest';
import { edit, reseed, type SeedState, settle } from './form-seed.js';

type Profile = { name: string; locale: string };
const loaded: SeedState<Profile> = { values: { name: 'Mina Kim', locale: 'en' }, touched: new Set() };

describe('seeded form values', () => {
  it('keeps what the person typed when newer data arrives, and lets the other fields follow', () => {
    const typed = edit(loaded, 'name', '');
    const refetched = reseed(typed, { name: 'Mina Kim', locale: 'ko' });
    expect(refetched.values).toEqual({ name: '', locale: 'ko' });
    expect([...refetched.touched]).toEqual(['name']);
  });

  it('follows the data everywhere while nothing was typed', () => {
    expect(reseed(loaded, { name: 'Mina Park', locale: 'ko' }).values).toEqual({
      name: 'Mina Park',
      locale: 'ko',
    });
  });

  it('hands a field back to the data once its value was saved', () => {
    const typed = edit(loaded, 'name', 'Mina Kim-Park');
    const saved = settle(typed, typed.values);
    expect(saved.touched.size).toBe(0);
    expect(reseed(saved, { name: 'Mina Kim-Park', locale: 'ko' }).values).toEqual({
      name: 'Mina Kim-Park',
      locale: 'ko',
    });
  });

  it('keeps an edit made while the save was on its way, also against the answer', () => {
    const sent = edit(loaded, 'name', 'Mina Kim-Park');
    const retyped = edit(sent, 'name', 'Mina K. Park');
    const saved = settle(retyped, sent.values);
    expect([...saved.touched]).toEqual(['name']);
    expect(reseed(saved, { name: 'Mina Kim-Park', locale: 'en' }).values.name).toBe('Mina K. Park');
  });

  it('empties a box after a send, unless the next entry is already being typed', () => {
    const box: SeedState<{ email: string; role: string }> = {
      values: { email: 'ana@example.test', role: 'student' },
      touched: new Set(['email']),
    };
    expect(settle(box, box.values, { email: '' }).values).toEqual({ email: '', role: 'student' });
    const next = edit(box, 'email', 'bo@example.test');
    expect(settle(next, box.values, { email: '' }).values.email).toBe('bo@example.test');
  });
});
