import type { ProfileInput } from '@app/languagemate-contracts';
import type { App } from '@app/platform';
import { appCaller, type Method, type Person } from '@app/platform/testing';

/** A JSON call to `/api/v1/languagemate<path>` as `who` (anonymous when null). */
export function call(app: App, who: Person | null, method: Method, path: string, payload?: unknown) {
  return appCaller(app, 'languagemate')(who, method, path, payload);
}

/** A Korean learner of English in Seoul, free Tuesday and Thursday evenings. */
export const koreanLearner: ProfileInput = {
  displayName: '민지',
  timeZone: 'Asia/Seoul',
  nativeLanguages: ['ko'],
  targets: [{ language: 'en', level: 'B1' }],
  interests: ['films', 'travel'],
  tags: ['hiking'],
  availability: [
    { weekday: 1, start: '20:00', end: '22:00' },
    { weekday: 3, start: '20:00', end: '22:00' },
  ],
  bio: '영화 좋아하는 직장인이에요.',
};

/** An English learner of Korean in Berlin, free around Korean evenings (their lunchtime). */
export const englishLearner: ProfileInput = {
  displayName: 'Jonas',
  timeZone: 'Europe/Berlin',
  nativeLanguages: ['en'],
  targets: [{ language: 'ko', level: 'A2' }],
  interests: ['films', 'music'],
  tags: [],
  availability: [
    { weekday: 1, start: '12:00', end: '14:00' },
    { weekday: 3, start: '12:00', end: '14:00' },
  ],
  bio: 'Learning Korean for a year.',
};

/** Saves a profile for `who` through the API; throws with the answer when refused. */
export async function onboard(app: App, who: Person, profile: ProfileInput = koreanLearner) {
  const res = await call(app, who, 'PUT', '/profile', profile);
  if (res.statusCode !== 200) throw new Error(`onboarding failed: ${res.body}`);
  return res.json();
}

/** Makes two people partners through requests; returns their room id. */
export async function makePartners(app: App, a: Person, b: Person): Promise<string> {
  const asked = await call(app, a, 'POST', '/requests', { toUserId: b.id });
  if (asked.statusCode !== 201) throw new Error(`request failed: ${asked.body}`);
  const accepted = await call(app, b, 'POST', `/requests/${asked.json().id}/accept`);
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
  const partners = await call(app, a, 'GET', '/partners');
  const partner = partners
    .json()
    .items.find((p: { profile: { userId: string } }) => p.profile.userId === b.id);
  return partner.roomId;
}
