import { type App, demoPeople } from '@app/platform';
import { stateColumns, stateJson } from './cards/mapper.js';
import { smDb } from './db.js';
import { type CardState, type Grade, newCardState, schedule } from './srs/index.js';
import { seededRandom } from './srs/random.js';

const PASSWORD = 'Study companion 2026 demo';
const learner = { key: 'jieun', email: 'jieun@studymate.demo', name: '이지은' };

const MATERIAL = `광합성은 식물이 빛 에너지를 이용해 이산화탄소와 물로 포도당을 만드는 과정이다. 광합성은 엽록체에서 일어나며, 엽록소는 주로 빨간빛과 파란빛을 흡수한다.

광합성은 명반응과 암반응으로 나뉜다. 명반응은 틸라코이드 막에서 일어나며 빛 에너지로 물을 분해해 산소를 내놓고 ATP와 NADPH를 만든다.

캘빈 회로는 스트로마에서 일어나는 암반응으로, 명반응에서 만든 ATP와 NADPH를 사용해 이산화탄소를 고정하고 포도당을 합성한다. 이 과정의 핵심 효소는 루비스코이다.

세포 호흡은 광합성과 반대로 포도당을 분해해 에너지를 얻는 과정이다. 세포 호흡은 미토콘드리아에서 일어나며 산소를 사용하고 이산화탄소와 물을 내놓는다.

광합성 속도는 빛의 세기, 이산화탄소 농도, 온도의 영향을 받는다. 빛의 세기가 강해지면 광합성 속도는 증가하다가 광포화점에 이르면 더 이상 증가하지 않는다.`;

const CARDS: [string, string][] = [
  ['광합성', '빛 에너지로 이산화탄소와 물에서 포도당을 만드는 과정'],
  ['엽록체', '광합성이 일어나는 세포 소기관'],
  ['엽록소가 주로 흡수하는 빛', '빨간빛과 파란빛'],
  ['명반응이 일어나는 곳', '틸라코이드 막'],
  ['명반응의 산물', '산소, ATP, NADPH'],
  ['캘빈 회로가 일어나는 곳', '스트로마'],
  ['루비스코', '캘빈 회로에서 이산화탄소를 고정하는 핵심 효소'],
  ['세포 호흡이 일어나는 곳', '미토콘드리아'],
  ['광포화점', '빛이 더 세져도 광합성 속도가 늘지 않는 빛의 세기'],
  ['광합성 속도에 영향을 주는 요인', '빛의 세기, 이산화탄소 농도, 온도'],
  ['mitochondria', 'the organelle where cellular respiration happens'],
  ['stroma', 'the fluid of the chloroplast where the Calvin cycle runs'],
  ['thylakoid', 'membrane sacs in the chloroplast where the light reactions run'],
  ['ATP', 'the cell’s energy currency, made in the light reactions'],
  ['NADPH', 'the electron carrier the Calvin cycle uses to reduce carbon'],
  ['glucose', 'C6H12O6, the sugar photosynthesis makes'],
];

/**
 * Demo data for `npm start` outside production: a learner with a biology subject, a Korean
 * material (read and analysed by the job like any upload), and cards with six weeks of review
 * history and study sessions, so the dashboard has streaks, retention and a forecast. Idempotent.
 */
export async function seedDemo(app: App): Promise<string> {
  const people = await demoPeople(app, [learner], PASSWORD, 160);
  const person = people.get(learner.key);
  if (!person) throw new Error('studymate demo: the learner is missing');
  const db = smDb(app.platform);
  const existing = await db
    .selectFrom('studymate.subjects')
    .select('id')
    .where('user_id', '=', person.id)
    .executeTakeFirst();
  const banner = `  studymate demo (password: "${PASSWORD}")\n    ${learner.key.padEnd(10)} ${learner.email}\n\n`;
  if (existing) return banner;
  const call = async (url: string, payload: object) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/studymate${url}`,
      headers: { authorization: `Bearer ${person.token}` },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`studymate demo ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const subject = await call('/subjects', { name: '생물학', color: '#16a34a', goal: '기말고사 A' });
  await call('/subjects', { name: 'English vocabulary', color: '#2563eb', goal: 'TOEFL 100' });
  await call('/materials', { subjectId: subject.id, title: '광합성과 세포 호흡', text: MATERIAL });
  await simulateHistory(app, person.id, subject.id);
  return banner;
}

/** Six weeks of reviews (grades drawn from a plausible recall rate) and study sessions, written directly. */
async function simulateHistory(app: App, userId: string, subjectId: string): Promise<void> {
  const db = smDb(app.platform);
  const rand = seededRandom(2026);
  const day = 86_400_000;
  const start = Date.now() - 42 * day;
  await db.transaction().execute(async (trx) => {
    for (const [front, back] of CARDS) {
      let state: CardState = newCardState(new Date(start));
      const logs: object[] = [];
      const card = await trx
        .insertInto('studymate.cards')
        .values({
          user_id: userId,
          subject_id: subjectId,
          source: 'manual',
          front,
          back,
          tags: ['demo'],
          created_at: new Date(start),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let at = start + Math.floor(rand() * 3) * day + 9 * 3_600_000;
      while (at < Date.now() - 3_600_000) {
        const recalled = rand() < (state.state === 'new' ? 0.7 : 0.88);
        const grade: Grade = recalled ? (rand() < 0.15 ? 4 : rand() < 0.2 ? 2 : 3) : 1;
        const settings = {
          desiredRetention: 0.9,
          maximumIntervalDays: 36_500,
          enableFuzz: true,
          cardId: card.id,
        };
        const { next, log } = schedule(state, grade, new Date(at), settings);
        logs.push({
          card_id: card.id,
          user_id: userId,
          grade,
          before: stateJson(state),
          state: ['new', 'learning', 'review', 'relearning'].indexOf(log.state),
          stability: log.stability,
          difficulty: log.difficulty,
          elapsed_days: log.elapsedDays,
          last_elapsed_days: log.lastElapsedDays,
          scheduled_days: log.scheduledDays,
          learning_steps: log.learningSteps,
          due: log.due,
          duration_ms: 4000 + Math.floor(rand() * 8000),
          reviewed_at: new Date(at),
        });
        state = next;
        // The learner comes back when the card is due, at some hour of that day.
        at = Math.max(next.due.getTime(), at + 10 * 60_000) + Math.floor(rand() * 6) * 3_600_000;
      }
      if (logs.length > 0)
        await trx
          .insertInto('studymate.review_logs')
          .values(logs as never)
          .execute();
      await trx.updateTable('studymate.cards').set(stateColumns(state)).where('id', '=', card.id).execute();
    }
    const sessions = [];
    for (let d = 41; d >= 1; d--) {
      if (rand() < 0.2) continue;
      const started = new Date(Date.now() - d * day - (10 + Math.floor(rand() * 8)) * 3_600_000);
      const seconds = 900 + Math.floor(rand() * 2700);
      sessions.push({
        user_id: userId,
        subject_id: subjectId,
        started_at: started,
        ended_at: new Date(started.getTime() + seconds * 1000),
        seconds,
      });
    }
    await trx.insertInto('studymate.study_sessions').values(sessions).execute();
  });
}
