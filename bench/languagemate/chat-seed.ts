import pg from 'pg';
import { benchKeys, benchSessions } from '../realtime/servers/verifier.js';

/** One partnership of the chat bench: its direct room and both people's signed access tokens. */
export interface SeededPair {
  roomId: string;
  a: { id: string; token: string };
  b: { id: string; token: string };
}

/**
 * Writes `pairs` partnerships straight into a migrated database, as accepted matches leave them:
 * two verified people, their languagemate direct room (`platform.chat_rooms` with the sorted
 * `direct_key` that `chat.directRoom` uses, both as members) and the `languagemate.partners` row,
 * started 8 to 90 days ago (past the guard's first week). Signs a live session's access token for
 * everyone with the platform's keys (no password sign-in: argon2 for 10,000 people measures nothing).
 */
export async function seedPairs(databaseUrl: string, pairs: number): Promise<SeededPair[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { keys, close } = await benchKeys(databaseUrl);
  try {
    const { rows: users } = await client.query<{ id: string }>(
      `insert into platform.users (email, name, email_verified_at)
       select 'lm-chat-' || g || '@example.test',
              case when g % 2 = 0 then '학습자 ' || g else 'Learner ' || g end, now()
       from generate_series(1, $1) g
       order by g
       returning id`,
      [pairs * 2],
    );
    const ids = users.map((u) => u.id);
    const lows: string[] = [];
    const highs: string[] = [];
    for (let i = 0; i < pairs; i++) {
      const [x, y] = [ids[2 * i] ?? '', ids[2 * i + 1] ?? ''].sort();
      lows.push(x ?? '');
      highs.push(y ?? '');
    }
    // Rooms, members and partners in three set statements.
    const { rows: rooms } = await client.query<{ id: string; direct_key: string }>(
      `insert into platform.chat_rooms (app, kind, direct_key, created_by)
       select 'languagemate', 'direct', lo || ':' || hi, lo from unnest($1::uuid[], $2::uuid[]) as p(lo, hi)
       returning id, direct_key`,
      [lows, highs],
    );
    const roomOf = new Map(rooms.map((r) => [r.direct_key, r.id]));
    const roomIds = lows.map((lo, i) => roomOf.get(`${lo}:${highs[i]}`) ?? '');
    await client.query(
      `insert into platform.chat_members (room_id, user_id)
       select room, lo from unnest($1::uuid[], $2::uuid[]) as p(room, lo)
       union all
       select room, hi from unnest($1::uuid[], $3::uuid[]) as p(room, hi)`,
      [roomIds, lows, highs],
    );
    await client.query(
      `insert into languagemate.partners (user_a, user_b, room_id, created_at)
       select lo, hi, room, now() - (8 + random() * 82) * interval '1 day'
       from unnest($1::uuid[], $2::uuid[], $3::uuid[]) as p(lo, hi, room)`,
      [lows, highs, roomIds],
    );
    await client.query('analyze');
    const sessions = await benchSessions(databaseUrl, ids);
    const sign = async (id: string) => ({
      id,
      token: await keys.sign({ sub: id, sid: sessions.get(id), amr: ['password'] }),
    });
    const seeded: SeededPair[] = [];
    for (let i = 0; i < pairs; i++) {
      seeded.push({
        roomId: roomIds[i] ?? '',
        a: await sign(ids[2 * i] ?? ''),
        b: await sign(ids[2 * i + 1] ?? ''),
      });
    }
    return seeded;
  } finally {
    await close();
    await client.end();
  }
}
