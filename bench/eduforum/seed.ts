import pg from 'pg';
import { benchKeys, benchSessions } from '../realtime/servers/verifier.js';

/** A person of the simulated class: id and a signed access token (no password sign-in needed). */
export interface Member {
  id: string;
  token: string;
}

export interface SeededCourse {
  courseId: string;
  professor: Member;
  students: Member[];
}

/**
 * Writes courses, people and enrolments straight into the database (signing up thousands of people
 * through argon2 would take minutes and measure nothing of interest), and signs access tokens with
 * the platform's keys. Sessions, polls and quizzes are then made through the API, as a professor would.
 */
export async function seedCourses(
  databaseUrl: string,
  courses: number,
  studentsPerCourse: number,
): Promise<SeededCourse[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { keys, close } = await benchKeys(databaseUrl);
  try {
    const people = courses * (studentsPerCourse + 1);
    const { rows } = await client.query<{ id: string }>(
      `insert into platform.users (email, name, email_verified_at)
       select 'bench-' || g || '@example.test', '학생 ' || g, now() from generate_series(1, $1) g
       returning id`,
      [people],
    );
    const ids = rows.map((r) => r.id);
    const seeded: SeededCourse[] = [];
    for (let c = 0; c < courses; c++) {
      const group = ids.slice(c * (studentsPerCourse + 1), (c + 1) * (studentsPerCourse + 1));
      const [professorId, ...studentIds] = group as [string, ...string[]];
      const course = await client.query<{ id: string }>(
        `insert into eduforum.courses (title, code, semester, invite_code, created_by)
         values ($1, $2, '2026-fall', $3, $4) returning id`,
        [`벤치마크 세미나 ${c + 1}`, `BENCH${c + 1}`, `BENCH${String(c).padStart(6, '0')}`, professorId],
      );
      const courseId = course.rows[0]?.id ?? '';
      await client.query(
        `insert into eduforum.course_members (course_id, user_id, role)
         select $1, u, case when u = $2 then 'professor' else 'student' end from unnest($3::uuid[]) u`,
        [courseId, professorId, group],
      );
      const sessions = await benchSessions(databaseUrl, group);
      const sign = async (id: string): Promise<Member> => ({
        id,
        token: await keys.sign({ sub: id, sid: sessions.get(id), amr: ['password'] }),
      });
      seeded.push({
        courseId,
        professor: await sign(professorId),
        students: await Promise.all(studentIds.map(sign)),
      });
    }
    return seeded;
  } finally {
    await close();
    await client.end();
  }
}
