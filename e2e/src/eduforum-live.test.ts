import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { call } from '@app/client';
import { eduforum } from '@app/eduforum-server';
import { signIn, type TestAccount } from '@app/platform/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.js';
import { auditPage } from './web/a11y.js';
import { eduforumApi, makeSeminar, signInTo } from './web/eduforum.js';
import { desktop, openContext, phone, startWebHarness, type WebHarness, watchErrors } from './web/harness.js';
import { writeVoiceWav } from './web/voice-wav.js';

// Issue #8's seminar in Chromium: a professor and three students, each in their own browser
// context, in one live session on the real server (PostgreSQL, WebSockets, Hocuspocus).
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));
const WAIT = { timeout: 15_000 };
let web: WebHarness;
let audioDir: string | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  // The microphone hears someone talking in turns: 2.5 s of speech, 1.5 s of silence, and so on.
  audioDir = await mkdtemp(path.join(tmpdir(), 'voice-'));
  const fakeAudioFile = path.join(audioDir, 'voice.wav');
  await writeVoiceWav(fakeAudioFile, [1000, 2500, 1500, 2500, 500]);
  web = await startWebHarness({ apps: [eduforum], fakeMedia: true, fakeAudioFile });
}, 180_000);

afterAll(async () => {
  await web?.close();
  if (audioDir) await rm(audioDir, { recursive: true, force: true });
});

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Opens the room as `account`: the app sends them to sign in first and then back to the room. */
async function join(
  account: TestAccount,
  sessionId: string,
  options: { locale: 'ko-KR' | 'en-US'; size: typeof desktop | typeof phone },
): Promise<Person> {
  const context = await openContext(web.browser, options);
  await context.grantPermissions(['microphone'], { origin: web.origin });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signInTo(page, `${web.origin}/eduforum/sessions/${sessionId}`, account, options.locale);
  const ko = options.locale === 'ko-KR';
  await page.getByRole('heading', { name: 'Week 3: indexes', level: 1 }).waitFor(WAIT);
  await page
    .getByTestId('connection')
    .getByText(ko ? '연결됨' : 'Connected')
    .waitFor(WAIT);
  return { context, page, errors };
}

const tab = (page: Page, name: RegExp) => page.getByRole('tab', { name }).click();

describe.skipIf(!hasChromium)('eduforum live seminar in Chromium', () => {
  it('runs a class: chat, hands, a poll with live results, breakouts with a broadcast, a shared whiteboard, TalkTime', async () => {
    const { professor, profToken, courseId, students, sessionId } = await makeSeminar(web, {
      professor: 'Prof Kim',
      students: ['이서연', 'Min Park', 'Jae Choi'],
      course: 'Databases seminar',
      session: 'Week 3: indexes',
      start: false,
    });
    await call(
      eduforumApi(web, profToken).POST('/api/v1/eduforum/courses/{courseId}/questions', {
        params: { path: { courseId } },
        body: {
          kind: 'true_false',
          prompt: 'A B-tree stays balanced',
          correct: ['true'],
          explanation: 'Rebalancing keeps every leaf at the same depth.',
        },
      }),
    );
    const prof = await join(professor, sessionId, { locale: 'en-US', size: desktop });
    const [seoyeon, min, jae] = [
      await join(students[0] as TestAccount, sessionId, { locale: 'ko-KR', size: desktop }),
      await join(students[1] as TestAccount, sessionId, { locale: 'en-US', size: phone }),
      await join(students[2] as TestAccount, sessionId, { locale: 'en-US', size: desktop }),
    ] as [Person, Person, Person];
    const everyone = [prof, seoyeon, min, jae];

    // The professor starts the session; every student's room goes live.
    await seoyeon.page.getByText('세션이 아직 시작되지 않았습니다').waitFor(WAIT);
    await prof.page.getByRole('button', { name: 'Start session' }).click();
    await seoyeon.page.getByText('진행 중', { exact: true }).first().waitFor(WAIT);
    await jae.page.getByRole('button', { name: 'Raise hand' }).waitFor(WAIT);
    await min.page.getByRole('button', { name: 'Raise hand' }).isEnabled();

    // Jae shares speaking time: the microphone's voice activity becomes TalkTime.
    await jae.page.getByRole('button', { name: 'Share speaking time' }).click();
    await jae.page.getByText(/Listening…|Speaking/).waitFor(WAIT);

    // Chat: a student writes, the others read it.
    await seoyeon.page.getByLabel('메시지').fill('교수님, 질문 있습니다');
    await seoyeon.page.getByRole('button', { name: '보내기' }).click();
    for (const person of [prof, min, jae])
      await person.page.getByTestId('chat-messages').getByText('교수님, 질문 있습니다').waitFor(WAIT);

    // Hands: Min raises a hand, the professor sees the queue and calls on them.
    await min.page.getByRole('button', { name: 'Raise hand' }).click();
    await tab(prof.page, /^People/);
    await prof.page.getByTestId('hand-queue').getByText('Min Park').waitFor(WAIT);
    await prof.page.getByRole('button', { name: 'Call on Min Park' }).click();
    await min.page.getByTestId('called-on').getByText('You have the floor').waitFor(WAIT);
    await jae.page.getByTestId('called-on').getByText('Min Park has the floor').waitFor(WAIT);
    expect(await auditPage(prof.page)).toEqual([]);

    // A poll: drafted, opened, voted by all three, the professor sees the live count.
    await tab(prof.page, /^Polls/);
    await prof.page.getByRole('button', { name: 'New poll' }).click();
    await prof.page.getByLabel('Question', { exact: true }).fill('Which index fits a range scan?');
    await prof.page.getByLabel('Option 1').fill('B-tree');
    await prof.page.getByLabel('Option 2').fill('Hash');
    await prof.page.getByRole('button', { name: 'Save as draft' }).click();
    await prof.page.getByRole('button', { name: 'Open poll' }).click();
    // The poll comes up on every student's screen, phone included; nobody has to find a tab.
    const pollSheet = (person: Person, name: string) => person.page.getByRole('dialog', { name });
    await pollSheet(seoyeon, '교수님이 투표를 열었습니다').getByLabel('B-tree').check();
    await pollSheet(seoyeon, '교수님이 투표를 열었습니다').getByRole('button', { name: '투표하기' }).click();
    await pollSheet(seoyeon, '교수님이 투표를 열었습니다').waitFor({ state: 'hidden', timeout: 15_000 });
    // Min puts it aside by mistake (Escape) and brings it back from the button left on screen.
    await pollSheet(min, 'The professor opened a poll').waitFor(WAIT);
    expect(await auditPage(min.page)).toEqual([]);
    await min.page.screenshot({ path: `${screenshots}eduforum-live-student-poll-sheet-phone.png` });
    await min.page.keyboard.press('Escape');
    await pollSheet(min, 'The professor opened a poll').waitFor({ state: 'hidden' });
    await min.page.getByRole('button', { name: 'Poll open: answer now' }).click();
    for (const [person, choice] of [
      [min, 'B-tree'],
      [jae, 'Hash'],
    ] as const) {
      const sheet = pollSheet(person, 'The professor opened a poll');
      await sheet.getByLabel(choice).check();
      await sheet.getByRole('button', { name: 'Vote' }).click();
      await sheet.waitFor({ state: 'hidden', timeout: 15_000 });
      expect(await person.page.getByRole('button', { name: 'Poll open: answer now' }).count()).toBe(0);
    }
    await prof.page.getByText('Votes: 3').waitFor(WAIT);
    await prof.page.screenshot({ path: `${screenshots}eduforum-live-professor-poll.png` });
    await prof.page.getByRole('button', { name: 'Close poll' }).click();
    await tab(jae.page, /^Polls/);
    await jae.page.getByText('Closed', { exact: true }).first().waitFor(WAIT);

    // A timed quiz from the question bank: a student answers and is graded at once.
    await tab(prof.page, /^Quizzes/);
    await prof.page.getByRole('button', { name: 'Launch a quiz' }).click();
    await prof.page.getByLabel(/A B-tree stays balanced/).check();
    await prof.page.getByRole('button', { name: 'Launch', exact: true }).click();
    // It comes up on the students' screens with its timer.
    const quizSheet = jae.page.getByRole('dialog', { name: 'A quiz has started' });
    await quizSheet.getByText(/^\d+:\d\d$/).waitFor(WAIT);
    await quizSheet.getByLabel('True').check();
    await quizSheet.getByRole('button', { name: 'Submit answers' }).click();
    await quizSheet.getByText('Your score: 1 / 1').waitFor(WAIT);
    await seoyeon.page.getByRole('dialog', { name: '퀴즈가 시작되었습니다' }).waitFor(WAIT);
    await prof.page.getByText('Submissions: 1').waitFor(WAIT);
    // Closing the quiz takes it off every screen.
    await prof.page.getByRole('button', { name: 'Close now' }).click();
    for (const person of [seoyeon, min, jae])
      await person.page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    // Jae reviews it: the scoring rule, the right answer and the explanation.
    await tab(jae.page, /^Quizzes/);
    const review = jae.page.getByRole('region', { name: 'Review' });
    await review.getByText('Right answer: True').waitFor(WAIT);
    await review.getByText('Rebalancing keeps every leaf at the same depth.').waitFor(WAIT);
    await jae.page.getByText('All or nothing', { exact: false }).first().waitFor();

    // Q&A: Seoyeon asks anonymously, Min (phone) by name; Jae upvotes Seoyeon's; the professor sees
    // them by votes and answers one, which the students see marked.
    await tab(seoyeon.page, /^질문/);
    await seoyeon.page.getByLabel('내 질문').fill('B-tree와 LSM-tree는 언제 고르나요?');
    await seoyeon.page.getByLabel(/^익명으로 질문/).check();
    await seoyeon.page.getByRole('button', { name: '질문하기' }).click();
    await tab(min.page, /^Q&A/);
    await min.page.getByLabel('Your question').fill('Will indexes be on the exam?');
    await min.page.getByRole('button', { name: 'Ask', exact: true }).click();
    await min.page
      .getByRole('list', { name: 'Questions' })
      .getByText('Will indexes be on the exam?', { exact: true })
      .waitFor(WAIT);
    await tab(jae.page, /^Q&A/);
    await jae.page.getByRole('button', { name: /^Upvote \(0\): B-tree와 LSM-tree/ }).click();
    await jae.page
      .getByRole('button', { name: /^Upvote \(1\): B-tree와 LSM-tree/, pressed: true })
      .waitFor(WAIT);
    await tab(prof.page, /^Q&A/);
    const profQuestions = prof.page.getByRole('list', { name: 'Questions' }).getByRole('listitem');
    await expect.poll(() => profQuestions.count(), WAIT).toBe(2);
    await profQuestions.first().getByText('Anonymous', { exact: false }).waitFor(WAIT);
    await profQuestions.first().getByRole('button', { name: 'Mark answered' }).click();
    await seoyeon.page.getByText('답변됨').waitFor(WAIT);
    expect(await auditPage(min.page)).toEqual([]);
    await min.page.getByRole('list', { name: 'Questions' }).scrollIntoViewIfNeeded();
    await min.page.screenshot({ path: `${screenshots}eduforum-live-student-qa-phone.png` });

    // Shared notes: Seoyeon writes, Min (phone) reads them live.
    await tab(seoyeon.page, /^노트/);
    await seoyeon.page.getByTestId('shared-notes').fill('B-tree: 범위 검색\nHash: 동등 비교');
    await tab(min.page, /^Notes/);
    await expect.poll(() => min.page.getByTestId('shared-notes').inputValue(), WAIT).toContain('범위 검색');
    expect(await auditPage(min.page)).toEqual([]);

    // The presenter view (a second tab of the professor's): how to join, the top questions, the
    // quiz leaderboard when turned on, and an open-text poll as a word cloud.
    const presenter = await prof.context.newPage();
    const presenterErrors = watchErrors(presenter);
    await presenter.goto(`${web.origin}/eduforum/sessions/${sessionId}/present`);
    await presenter
      .getByRole('img', { name: /^QR code to join with invite code [A-Z0-9]{8}$/ })
      .waitFor(WAIT);
    await presenter
      .getByRole('region', { name: 'Top questions' })
      .getByText('Will indexes be on the exam?')
      .waitFor(WAIT);
    await presenter.getByLabel('Show the quiz leaderboard').check();
    await presenter
      .getByRole('region', { name: /^Leaderboard/ })
      .getByText('Jae Choi')
      .waitFor(WAIT);
    const api = eduforumApi(web, profToken);
    const cloudPoll = await call(
      api.POST('/api/v1/eduforum/sessions/{sessionId}/polls', {
        params: { path: { sessionId } },
        body: { question: 'One word for an index?', kind: 'text' },
      }),
    );
    const pollPath = { params: { path: { pollId: cloudPoll.id } } };
    await call(api.POST('/api/v1/eduforum/polls/{pollId}/open', pollPath));
    for (const [student, text] of [
      [students[1], 'fast lookups'],
      [students[2], 'Fast, sorted'],
    ] as const) {
      const token = (await signIn(web.app, student as TestAccount)).accessToken;
      await call(
        eduforumApi(web, token).PUT('/api/v1/eduforum/polls/{pollId}/vote', { ...pollPath, body: { text } }),
      );
    }
    const cloud = presenter.getByTestId('word-cloud');
    // Both said "fast" (in any case): it leads, with its count for screen readers.
    await cloud.getByRole('listitem').first().filter({ hasText: 'fast (2)' }).waitFor(WAIT);
    await cloud
      .getByRole('listitem')
      .filter({ hasText: /^sorted/ })
      .waitFor(WAIT);
    expect(await auditPage(presenter)).toEqual([]);
    await presenter.screenshot({ path: `${screenshots}eduforum-live-presenter.png` });
    await call(api.POST('/api/v1/eduforum/polls/{pollId}/close', pollPath));
    for (const person of [seoyeon, min, jae])
      await person.page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    expect(presenterErrors).toEqual([]);
    await presenter.close();

    // TalkTime: the professor's dashboard counts the chat message and the vote.
    await tab(prof.page, /^TalkTime/);
    const seoyeonRow = prof.page.getByTestId('talktime').getByRole('row', { name: /이서연/ });
    await seoyeonRow.waitFor(WAIT);
    // Cells: speaking, chat messages, poll answers, hands.
    await expect
      .poll(async () => (await seoyeonRow.getByRole('cell').allTextContents()).slice(1), WAIT)
      .toEqual(['1', '1', '0']);

    // Breakouts: two rooms, a broadcast that every student reads in their own room.
    await tab(prof.page, /^Breakouts/);
    await prof.page.getByRole('button', { name: 'Open rooms' }).click();
    await prof.page.getByTestId('breakout-rooms').getByRole('heading', { name: 'Room 2' }).waitFor(WAIT);
    await seoyeon.page.getByTestId('my-room').waitFor(WAIT);
    await min.page.getByTestId('my-room').waitFor(WAIT);
    await jae.page.getByTestId('my-room').waitFor(WAIT);
    await prof.page.getByLabel('Message to all rooms').fill('Five minutes left');
    await prof.page.getByRole('button', { name: 'Broadcast' }).click();
    for (const person of [seoyeon, min, jae])
      await person.page.getByTestId('broadcast').getByText('Five minutes left').waitFor(WAIT);
    // The professor drops into each room in turn; its students are told who is listening.
    const rooms = prof.page.getByTestId('breakout-rooms');
    await rooms.getByRole('button', { name: 'Enter' }).first().click();
    await rooms.getByRole('button', { name: 'Back to main room' }).waitFor(WAIT);
    await rooms.getByRole('button', { name: 'Enter' }).first().click();
    await expect.poll(() => rooms.getByRole('button', { name: 'Enter' }).count(), WAIT).toBe(1);
    for (const person of [seoyeon, min, jae])
      await person.page.getByTestId('staff-visit').first().waitFor(WAIT);
    await min.page.screenshot({
      path: `${screenshots}eduforum-live-student-phone-breakout.png`,
      fullPage: true,
    });
    await seoyeon.page.screenshot({ path: `${screenshots}eduforum-live-student-ko-breakout.png` });
    expect(await auditPage(seoyeon.page)).toEqual([]);
    expect(await auditPage(min.page)).toEqual([]);
    await prof.page.getByRole('button', { name: 'Recall everyone' }).click();
    await jae.page.getByTestId('my-room').waitFor({ state: 'detached', ...WAIT });

    // Back in the main room, the whiteboard: the professor draws a stroke, a student's board shows it.
    const board = prof.page.getByTestId('whiteboard-canvas');
    await board.waitFor(WAIT);
    const box = await board.boundingBox();
    if (!box) throw new Error('the whiteboard has no box');
    await prof.page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await prof.page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await prof.page.mouse.move(box.x + box.width * (0.2 + i * 0.04), box.y + box.height * (0.3 + i * 0.02));
    await prof.page.mouse.up();
    await expect
      .poll(() => jae.page.getByTestId('whiteboard-canvas').getAttribute('data-shape-count'), WAIT)
      .toBe('1');
    // A student never gets Clear; with "Staff only" the board is view-only for students, and what
    // they try to draw goes nowhere (the server gives them a read-only connection).
    expect(await jae.page.getByTestId('whiteboard-clear').count()).toBe(0);
    await prof.page.getByLabel('Who may draw on the board').selectOption('staff');
    await jae.page.getByTestId('whiteboard-locked-note').waitFor(WAIT);
    await jae.page.getByTestId('whiteboard-status').getByText('Read only', { exact: false }).waitFor(WAIT);
    const jaeBoard = jae.page.getByTestId('whiteboard-canvas');
    const jaeBox = await jaeBoard.boundingBox();
    if (!jaeBox) throw new Error('the student board has no box');
    await jae.page.mouse.move(jaeBox.x + 20, jaeBox.y + 20);
    await jae.page.mouse.down();
    await jae.page.mouse.move(jaeBox.x + 120, jaeBox.y + 80);
    await jae.page.mouse.up();
    expect(await jae.page.getByTestId('whiteboard-canvas').getAttribute('data-shape-count')).toBe('1');
    await jae.page.getByTestId('whiteboard-canvas').scrollIntoViewIfNeeded();
    await jae.page.screenshot({ path: `${screenshots}eduforum-whiteboard-staff-only.png` });
    await prof.page.getByLabel('Who may draw on the board').selectOption('everyone');
    await jae.page.getByTestId('whiteboard-locked-note').waitFor({ state: 'detached', ...WAIT });

    // Offline: the room says so at once, a message typed meanwhile waits visibly and goes out on reconnect.
    await tab(jae.page, /^Chat/);
    await jae.context.setOffline(true);
    await jae.page.getByTestId('connection').getByText('Offline').waitFor(WAIT);
    await jae.page.getByTestId('whiteboard-status').getByText('Offline', { exact: false }).waitFor(WAIT);
    await jae.page.getByLabel('Message').fill('Sent from the subway');
    await jae.page.getByRole('button', { name: 'Send' }).click();
    await jae.page.getByTestId('chat-queued').getByText('Sent from the subway').waitFor(WAIT);
    await jae.page.screenshot({ path: `${screenshots}eduforum-live-student-offline.png` });
    await jae.context.setOffline(false);
    await jae.page.getByTestId('chat-queued').waitFor({ state: 'detached', timeout: 30_000 });
    await tab(prof.page, /^Chat/);
    await prof.page.getByTestId('chat-messages').getByText('Sent from the subway').waitFor(WAIT);

    await tab(prof.page, /^TalkTime/);
    await prof.page.screenshot({ path: `${screenshots}eduforum-live-professor-talktime.png` });
    // The professor ends the class (after confirming); the students' rooms say so.
    await prof.page.getByRole('button', { name: 'End session' }).click();
    await prof.page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await seoyeon.page.getByText('세션이 끝났습니다').waitFor(WAIT);
    await jae.page.getByText('This session has ended').waitFor(WAIT);
    // Requests a page made while it was deliberately offline fail with the network's own error: expected.
    const offlineNoise = (error: string) => error.includes('ERR_INTERNET_DISCONNECTED');
    for (const [index, person] of everyone.entries())
      expect([index, person.errors.filter((error) => !offlineNoise(error))]).toEqual([index, []]);
    // A mistyped session link: a page that says what may be wrong and offers the join-by-code path.
    await seoyeon.page.goto(`${web.origin}/eduforum/sessions/not-a-session`);
    await seoyeon.page.getByRole('heading', { name: '세션을 찾을 수 없습니다' }).waitFor(WAIT);
    await seoyeon.page.getByRole('link', { name: '초대 코드로 강의 참여' }).waitFor(WAIT);
    // The professor's recap: attendance of everyone enrolled, as a table and a CSV.
    await prof.page.reload();
    await tab(prof.page, /^Attendance/);
    const attendanceTable = prof.page.getByRole('table', { name: 'Attendance' });
    await attendanceTable
      .getByRole('row', { name: /이서연/ })
      .getByText('On time')
      .waitFor(WAIT);
    expect(await auditPage(prof.page)).toEqual([]);
    await prof.page.screenshot({ path: `${screenshots}eduforum-live-recap-attendance.png` });
    // A student's recap: their own quiz score and review, and the Q&A.
    await jae.page.reload();
    await tab(jae.page, /^Quizzes/);
    await jae.page.getByRole('region', { name: 'Review' }).getByText('Right answer: True').waitFor(WAIT);
    expect(await auditPage(jae.page)).toEqual([]);
    await jae.page.screenshot({ path: `${screenshots}eduforum-live-recap-student.png` });
    // The breakout rooms' boards are the whole class's to look at after the recall.
    await jae.page.getByRole('button', { name: 'Room 2', exact: true }).click();
    await jae.page.getByRole('region', { name: 'Whiteboard: Room 2' }).waitFor(WAIT);
    await tab(jae.page, /^Notes/);
    await expect.poll(() => jae.page.getByTestId('shared-notes').inputValue(), WAIT).toContain('동등 비교');
    expect(await jae.page.getByTestId('shared-notes').getAttribute('readonly')).not.toBeNull();
    await tab(jae.page, /^Q&A/);
    await jae.page
      .getByRole('list', { name: 'Questions' })
      .getByText('Will indexes be on the exam?', { exact: true })
      .waitFor(WAIT);
    await jae.page.getByText('Answered').waitFor(WAIT);
    for (const person of everyone) await person.context.close();
  }, 240_000);
});
