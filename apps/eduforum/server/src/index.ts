import { eduforumErrors, eduforumManifest } from '@app/eduforum-contracts';
import { type AppPlatform, appTask, defineApp } from '@app/platform';
import { breakoutRoutes } from './breakouts/routes.js';
import { BreakoutService } from './breakouts/service.js';
import { contentFileScope } from './courses/content.js';
import { InvitationService, sendInvitationTask } from './courses/invitations.js';
import { courseRoutes } from './courses/routes.js';
import { teachingRoutes } from './courses/teaching-routes.js';
import { eduDb } from './db.js';
import { breakoutDeadlineTask, quizDeadlineTask } from './deadlines.js';
import { seedDemo } from './demo.js';
import type { EduforumDeps } from './deps.js';
import { Outbound } from './events.js';
import { registerCallPolicy } from './live/call-policy.js';
import { liveChannels } from './live/channels.js';
import { chatMembers } from './live/chat-members.js';
import { LiveRoom } from './live/room.js';
import { liveRoutes } from './live/routes.js';
import { TalkTime } from './live/talktime.js';
import { whiteboards } from './live/whiteboard.js';
import { platformSink } from './notify.js';
import { eduforumPolicy } from './policies.js';
import { pollRoutes } from './polls/routes.js';
import { PollService } from './polls/service.js';
import { qaRoutes } from './qa/routes.js';
import { QaService } from './qa/service.js';
import { quizRoutes } from './quizzes/routes.js';
import { QuizService } from './quizzes/service.js';
import { finishSession } from './sessions/finish.js';
import { sessionRoutes } from './sessions/routes.js';
import { SessionService } from './sessions/service.js';

export type { OutboundEvent, OutboundSink } from './events.js';
export { actions, allows, permissionMatrix } from './policies.js';

/** What every eduforum service is built from. */
function createDeps(platform: AppPlatform): EduforumDeps {
  const db = eduDb(platform);
  const outbound = new Outbound(platform.logger);
  outbound.connect(platformSink(platform));
  return { platform, db, policy: eduforumPolicy(db), outbound };
}

/**
 * eduforum: live active-learning seminars: courses, sessions, live room, polls, quizzes, breakouts,
 * whiteboard (seed 004). Its API is under `/api/v1/eduforum`; see docs/eduforum.md.
 */
export const eduforum = defineApp({
  name: 'eduforum',
  migrations: new URL('../migrations', import.meta.url),
  manifest: eduforumManifest,
  errors: eduforumErrors,
  setup(platform) {
    const deps = createDeps(platform);
    const talkTime = new TalkTime(deps);
    const room = new LiveRoom(deps, talkTime);
    const sessions = new SessionService(deps);
    const quizzes = new QuizService(deps);
    const breakouts = new BreakoutService(deps);
    sessions.onEnded = (sessionId) => finishSession(deps, { breakouts, talkTime }, sessionId);
    const polls = new PollService(deps, talkTime);
    const invitations = new InvitationService(deps);
    registerCallPolicy(deps);
    return {
      routes: [
        courseRoutes(deps),
        teachingRoutes(deps),
        sessionRoutes(deps, sessions),
        pollRoutes(deps, polls),
        quizRoutes(deps, quizzes),
        breakoutRoutes(deps, breakouts),
        liveRoutes(deps, talkTime),
        qaRoutes(deps, new QaService(deps)),
      ],
      tasks: [
        appTask(quizDeadlineTask, ({ quizId }) => quizzes.closeAtDeadline(quizId)),
        appTask(breakoutDeadlineTask, ({ breakoutId }) => breakouts.recallAtDeadline(breakoutId)),
        appTask(sendInvitationTask, ({ invitationId }) => invitations.send(invitationId)),
      ],
      channels: liveChannels(deps, { room, talkTime, polls }),
      collab: whiteboards(deps),
      chatMembers: chatMembers(deps),
      fileScopes: contentFileScope(deps),
      onEmailVerified: (person) => invitations.accept(person),
      seedDemo,
      close() {
        talkTime.close();
        quizzes.stopTimers();
        breakouts.stopTimers();
      },
    };
  },
});
