import { type App, demoPeople } from '@app/platform';

const PASSWORD = 'Seminar room 2026 demo';
const DEMO_CODE = 'DEMO-101';

const people = [
  { key: 'professor', email: 'professor@eduforum.demo', name: '김민준 교수' },
  { key: 'ta', email: 'ta@eduforum.demo', name: '이서연 조교' },
  { key: 'student1', email: 'student1@eduforum.demo', name: '박지호' },
  { key: 'student2', email: 'student2@eduforum.demo', name: '최유나' },
  { key: 'student3', email: 'student3@eduforum.demo', name: '정하린' },
] as const;

/**
 * Demo data for `npm start` outside production: a course with a professor, a TA, three students, a
 * scheduled session and a small question bank, created through the API (so it is valid data).
 * Idempotent: when the demo course exists it only prints the sign-in details. Returns banner lines.
 */
export async function seedDemo(app: App): Promise<string> {
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) => {
    const res = await app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
      // Each demo account signs up from its own documentation address (the per-IP sign-up limit).
      remoteAddress: `192.0.2.${200 + (url.length % 50)}`,
    });
    return {
      status: res.statusCode,
      body: res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {},
    };
  };
  const signedIn = await demoPeople(app, people, PASSWORD, 210);
  const tokens = new Map([...signedIn].map(([key, person]) => [key, person.token]));
  const existing = await app.platform.pool.query('select id from eduforum.courses where code = $1', [
    DEMO_CODE,
  ]);
  if (existing.rowCount === 0) {
    const { directory } = app.platform;
    const professor = await directory.byEmail('professor@eduforum.demo');
    if (!professor) throw new Error('demo professor account is missing');
    await directory.setAppRole(professor.id, 'eduforum', 'professor');
    const prof = tokens.get('professor');
    const course = await api('POST', '/api/v1/eduforum/courses', prof, {
      title: '데이터베이스 시스템 세미나',
      code: DEMO_CODE,
      semester: '2026-fall',
      description: '인덱스, 트랜잭션, 질의 최적화를 토론식으로 배웁니다.',
    });
    if (course.status !== 201)
      throw new Error(`demo course: ${course.status} ${JSON.stringify(course.body)}`);
    const courseId = course.body.id as string;
    await api('POST', `/api/v1/eduforum/courses/${courseId}/members`, prof, {
      email: 'ta@eduforum.demo',
      role: 'ta',
    });
    for (const key of ['student1', 'student2', 'student3'])
      await api('POST', '/api/v1/eduforum/enrollments', tokens.get(key), {
        inviteCode: course.body.inviteCode as string,
      });
    const questions = [
      {
        kind: 'single',
        prompt: 'B+트리에서 실제 레코드(또는 포인터)가 저장되는 곳은?',
        options: [
          { id: 'a', text: '리프 노드' },
          { id: 'b', text: '루트 노드' },
          { id: 'c', text: '내부 노드' },
        ],
        correct: ['a'],
        tags: ['index'],
        difficulty: 2,
      },
      {
        kind: 'true_false',
        prompt: '클러스터드 인덱스는 테이블당 여러 개 만들 수 있다.',
        correct: ['false'],
        tags: ['index'],
        difficulty: 1,
      },
      {
        kind: 'multiple',
        prompt: 'ACID에 해당하는 것을 모두 고르시오.',
        options: [
          { id: 'a', text: 'Atomicity' },
          { id: 'b', text: 'Consistency' },
          { id: 'c', text: 'Caching' },
          { id: 'd', text: 'Durability' },
        ],
        correct: ['a', 'b', 'd'],
        tags: ['transaction'],
        difficulty: 2,
        points: 2,
      },
      {
        kind: 'short',
        prompt: 'SQL에서 중복 행을 제거하는 키워드는?',
        shortAnswer: { accepted: ['DISTINCT'] },
        tags: ['sql'],
        difficulty: 1,
      },
    ];
    for (const question of questions)
      await api('POST', `/api/v1/eduforum/courses/${courseId}/questions`, prof, question);
  }
  // Every start leaves a session ready to start: the demo's last one may have been run and ended.
  const ready = await app.platform.pool.query<{ id: string }>(
    `select c.id from eduforum.courses c where c.code = $1 and not exists (
       select 1 from eduforum.sessions s where s.course_id = c.id and s.status in ('scheduled', 'live'))`,
    [DEMO_CODE],
  );
  const courseId = ready.rows[0]?.id;
  if (courseId) {
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    tomorrow.setUTCHours(1, 0, 0, 0); // 10:00 in Seoul
    const session = await api(
      'POST',
      `/api/v1/eduforum/courses/${courseId}/sessions`,
      tokens.get('professor'),
      {
        title: '3주차: B+트리와 인덱스 설계',
        scheduledAt: tomorrow.toISOString(),
        durationMin: 75,
      },
    );
    if (session.status !== 201)
      throw new Error(`demo session: ${session.status} ${JSON.stringify(session.body)}`);
  }
  const lines = [
    `  eduforum demo (password for every account: "${PASSWORD}")`,
    ...people.map((p) => `    ${p.key.padEnd(10)} ${p.email}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
