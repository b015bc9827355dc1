import { fileURLToPath } from 'node:url';
import { type AppModule, type PlatformContext, publishReauthorize } from '@app/platform';
import { breakoutRoutes } from './breakouts/routes.js';
import { BreakoutService } from './breakouts/service.js';
import { courseRoutes } from './courses/routes.js';
import { eduDb } from './db.js';
import { breakoutDeadlineTask, quizDeadlineTask } from './deadlines.js';
import type { Boards, EduforumDeps } from './deps.js';
import { Outbound } from './events.js';
import { registerCallPolicy } from './live/call-policy.js';
import { registerLiveChannels } from './live/channels.js';
import { LiveRoom } from './live/room.js';
import { liveRoutes } from './live/routes.js';
import { TalkTime } from './live/talktime.js';
import { registerWhiteboards } from './live/whiteboard.js';
import { platformSink } from './notify.js';
import { Policies } from './policies.js';
import { pollRoutes } from './polls/routes.js';
import { PollService } from './polls/service.js';
import { quizRoutes } from './quizzes/routes.js';
import { QuizService } from './quizzes/service.js';
import { finishSession } from './sessions/finish.js';
import { sessionRoutes } from './sessions/routes.js';
import { SessionService } from './sessions/service.js';

export type { OutboundEvent, OutboundSink } from './events.js';
export { actions, allows, permissionMatrix } from './policies.js';

/** What every eduforum service is built from (one set per process role that needs it). */
function createDeps(platform: PlatformContext, boards: Boards): EduforumDeps {
  const db = eduDb(platform);
  const outbound = new Outbound(platform.logger);
  outbound.connect(platformSink(platform));
  return { platform, db, policies: new Policies(db), outbound, boards };
}

/**
 * eduforum: live active-learning seminars: courses, sessions, live room, polls, quizzes, breakouts, whiteboard (seed 004).
 * The plugin is mounted at `/api/v1/eduforum`; see docs/eduforum.md.
 */
export const eduforum: AppModule = {
  name: 'eduforum',
  migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
  plugin: async (app, { platform }) => {
    const deps = createDeps(platform, app.collab);
    const talkTime = new TalkTime(deps);
    const room = new LiveRoom(deps, talkTime);
    const sessions = new SessionService(deps);
    const quizzes = new QuizService(deps);
    const breakouts = new BreakoutService(deps);
    sessions.onEnded = (sessionId) => finishSession(deps, { breakouts, talkTime }, sessionId);
    const polls = new PollService(deps, talkTime);
    registerLiveChannels(deps, { room, talkTime, polls });
    registerCallPolicy(deps);
    registerWhiteboards(app.collab, deps);
    app.addHook('onClose', async () => {
      talkTime.close();
      quizzes.stopTimers();
      breakouts.stopTimers();
    });
    await app.register(courseRoutes, { deps });
    await app.register(sessionRoutes, { deps, sessions });
    await app.register(pollRoutes, { polls });
    await app.register(quizRoutes, { deps, quizzes });
    await app.register(breakoutRoutes, { breakouts });
    await app.register(liveRoutes, { deps, talkTime });
  },
  jobs: (platform) => {
    // A worker has no `/collab` of its own: it asks the instances that serve the boards.
    const deps = createDeps(platform, { reauthorize: (name) => publishReauthorize(platform.bus, name) });
    const quizzes = new QuizService(deps);
    const breakouts = new BreakoutService(deps);
    platform.jobs.handle(quizDeadlineTask, ({ quizId }) => quizzes.closeAtDeadline(quizId));
    platform.jobs.handle(breakoutDeadlineTask, ({ breakoutId }) => breakouts.recallAtDeadline(breakoutId));
  },
};
