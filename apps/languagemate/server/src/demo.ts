import type { ProfileInput } from '@app/languagemate-contracts';
import { type App, demoPeople } from '@app/platform';

const PASSWORD = 'Language exchange 2026 demo';

const evenings = (days: number[], start: string, end: string) =>
  days.map((weekday) => ({ weekday, start, end }));

/** Learners with complementary languages, interests and free times, so a newcomer gets suggestions. */
const learners: { key: string; email: string; name: string; profile: ProfileInput }[] = [
  {
    key: 'minji',
    email: 'minji@languagemate.demo',
    name: '김민지',
    profile: {
      displayName: '민지',
      timeZone: 'Asia/Seoul',
      nativeLanguages: ['ko'],
      targets: [{ language: 'en', level: 'B1' }],
      interests: ['films', 'travel', 'food'],
      tags: ['hiking'],
      availability: evenings([1, 3], '20:00', '22:30'),
      bio: '서울에 사는 디자이너예요. 영어로 영화 이야기를 하고 싶어요.',
      weeklyGoalMinutes: 90,
    },
  },
  {
    key: 'jonas',
    email: 'jonas@languagemate.demo',
    name: 'Jonas Weber',
    profile: {
      displayName: 'Jonas',
      timeZone: 'Europe/Berlin',
      nativeLanguages: ['en', 'de'],
      targets: [{ language: 'ko', level: 'A2' }],
      interests: ['films', 'music', 'kpop'],
      tags: ['webtoon'],
      availability: evenings([1, 3], '12:00', '14:00'),
      bio: 'Software developer in Berlin, learning Korean for a trip to Busan next year.',
    },
  },
  {
    key: 'emily',
    email: 'emily@languagemate.demo',
    name: 'Emily Carter',
    profile: {
      displayName: 'Emily',
      timeZone: 'America/New_York',
      nativeLanguages: ['en'],
      targets: [{ language: 'ko', level: 'B1' }],
      interests: ['drama', 'food', 'books'],
      tags: [],
      availability: [...evenings([0, 2], '07:00', '09:00'), ...evenings([5], '19:00', '22:00')],
      bio: 'Teacher in New York. I watch too many K-dramas and want to understand them without subtitles.',
    },
  },
  {
    key: 'seojun',
    email: 'seojun@languagemate.demo',
    name: '박서준',
    profile: {
      displayName: '서준',
      timeZone: 'Asia/Seoul',
      nativeLanguages: ['ko'],
      targets: [
        { language: 'en', level: 'B2' },
        { language: 'ja', level: 'A2' },
      ],
      interests: ['tech', 'games', 'business'],
      tags: ['startup'],
      availability: [...evenings([0, 2], '21:00', '23:00'), ...evenings([6], '09:00', '12:00')],
      bio: '스타트업 개발자입니다. 영어 회의가 편해지는 게 목표예요.',
    },
  },
  {
    key: 'olivia',
    email: 'olivia@languagemate.demo',
    name: 'Olivia Brown',
    profile: {
      displayName: 'Olivia',
      timeZone: 'Australia/Sydney',
      nativeLanguages: ['en'],
      targets: [{ language: 'ko', level: 'A1' }],
      interests: ['travel', 'fitness', 'kpop'],
      tags: ['surfing'],
      availability: evenings([1, 2, 3], '21:00', '23:00'),
      bio: 'Nurse in Sydney, just starting Korean. Happy to help with English pronunciation!',
    },
  },
  {
    key: 'haruto',
    email: 'haruto@languagemate.demo',
    name: 'Sato Haruto',
    profile: {
      displayName: 'Haruto',
      timeZone: 'Asia/Tokyo',
      nativeLanguages: ['ja'],
      targets: [{ language: 'ko', level: 'B1' }],
      interests: ['games', 'tech', 'history'],
      tags: [],
      availability: evenings([0, 2, 4], '20:00', '22:00'),
      bio: 'Tokyo engineer learning Korean. 日本語なら何でも聞いてください。',
    },
  },
];

/**
 * Demo data for `npm start` outside production: six learners with profiles (Korean, English and
 * Japanese speakers in five time zones), Minji and Jonas as partners with a short conversation, a
 * correction and a session tomorrow. Idempotent: with the profiles there, it only prints sign-in
 * details. Returns the banner lines.
 */
export async function seedDemo(app: App): Promise<string> {
  const people = await demoPeople(app, learners, PASSWORD, 120);
  const call = async (key: string, method: 'POST' | 'PUT', url: string, payload: object) => {
    const res = await app.inject({
      method,
      url: `/api/v1/languagemate${url}`,
      headers: { authorization: `Bearer ${people.get(key)?.token}` },
      payload,
    });
    if (res.statusCode >= 300)
      throw new Error(`languagemate demo ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const existing = await app.platform.pool.query('select count(*)::int as n from languagemate.profiles');
  if (existing.rows[0].n === 0) {
    for (const learner of learners) await call(learner.key, 'PUT', '/profile', learner.profile);
    const minji = people.get('minji');
    const jonas = people.get('jonas');
    if (!minji || !jonas) throw new Error('languagemate demo accounts are missing');
    const request = await call('jonas', 'POST', '/requests', {
      toUserId: minji.id,
      message: '안녕하세요! 저도 영화를 좋아해요.',
    });
    await call('minji', 'POST', `/requests/${request.id}/accept`, {});
    const roomId = await app.platform.chat.directRoom('languagemate', minji.id, jonas.id);
    const { chat } = app.platform;
    await chat.send(roomId, jonas.id, { body: '안녕하세요 민지 씨! 저는 요나스예요. 베를린에 살아요.' });
    const mistake = await chat.send(roomId, minji.id, {
      body: 'Nice to meet you! I am watching a movie yesterday.',
    });
    await chat.send(roomId, jonas.id, { body: 'Nice to meet you too! Which movie was it?' });
    await call('jonas', 'POST', `/rooms/${roomId}/corrections`, {
      messageId: mistake.id,
      corrected: 'Nice to meet you! I watched a movie yesterday.',
      note: 'yesterday → past tense',
    });
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    tomorrow.setUTCHours(11, 0, 0, 0); // 20:00 in Seoul, 12:00 in Berlin
    const session = await call('minji', 'POST', '/sessions', {
      partnerId: jonas.id,
      startsAt: tomorrow.toISOString(),
      durationMin: 30,
      kind: 'video',
      note: '좋아하는 영화 이야기',
    });
    await call('jonas', 'POST', `/sessions/${session.id}/accept`, {});
  }
  const lines = [
    `  languagemate demo (password for every account: "${PASSWORD}")`,
    ...learners.map((l) => `    ${l.key.padEnd(10)} ${l.email}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
