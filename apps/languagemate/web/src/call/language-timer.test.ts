import { describe, expect, it } from 'vitest';
import { setRunning, spentMinutes, spentMs, startTimer, switchLanguage } from './language-timer.js';

const minute = 60_000;

describe('the language timer', () => {
  it('counts nothing until the call is connected', () => {
    let timer = startTimer('en');
    timer = switchLanguage(timer, 'ko', 5 * minute);
    expect(spentMs(timer, 10 * minute)).toEqual({});
  });

  it('adds each stretch to the language spoken during it', () => {
    let timer = setRunning(startTimer('en'), true, 0);
    timer = switchLanguage(timer, 'ko', 12 * minute);
    timer = switchLanguage(timer, 'en', 21 * minute);
    expect(spentMinutes(timer, 24 * minute)).toEqual({ en: 15, ko: 9 });
  });

  it('stops the clock while reconnecting and resumes in the language chosen meanwhile', () => {
    let timer = setRunning(startTimer('en'), true, 0);
    timer = setRunning(timer, false, 4 * minute);
    timer = setRunning(timer, false, 5 * minute); // a second "not connected" changes nothing
    timer = switchLanguage(timer, 'ko', 6 * minute);
    timer = setRunning(timer, true, 10 * minute);
    timer = setRunning(timer, true, 11 * minute);
    expect(spentMinutes(timer, 13 * minute)).toEqual({ en: 4, ko: 3 });
  });

  it('rounds to a tenth of a minute and leaves out a language switched away from at once', () => {
    let timer = setRunning(startTimer('en'), true, 0);
    timer = switchLanguage(timer, 'ko', 0);
    timer = switchLanguage(timer, 'ko', 1000);
    expect(spentMinutes(timer, 90_000 + 2_000)).toEqual({ ko: 1.5 });
  });
});
