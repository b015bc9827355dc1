import type { Logger } from '@app/platform';

/** Things eduforum tells the outside world about (notifications to people, webhooks to systems). */
export type OutboundEvent =
  | {
      kind: 'session.scheduled';
      sessionId: string;
      courseId: string;
      title: string;
      scheduledAt: string;
      recipients: string[];
    }
  | { kind: 'session.started'; sessionId: string; courseId: string; title: string; recipients: string[] }
  | { kind: 'session.cancelled'; sessionId: string; courseId: string; title: string; recipients: string[] }
  | { kind: 'quiz.completed'; quizId: string; sessionId: string; courseId: string };

/** Where outbound events go; the platform's notification and webhook services plug in here. */
export interface OutboundSink {
  emit(event: OutboundEvent): Promise<void>;
}

/**
 * The one place eduforum hands events to notifications and webhooks (issue #6 builds those). Until
 * they are wired, events are logged and kept in `recent` (tests read it). Failures never fail the
 * action that caused them.
 */
export class Outbound {
  readonly recent: OutboundEvent[] = [];
  private sink: OutboundSink | undefined;

  constructor(private readonly logger: Logger) {}

  /** Connects the real delivery (notifications to `recipients`, webhooks by `kind`). */
  connect(sink: OutboundSink): void {
    this.sink = sink;
  }

  async emit(event: OutboundEvent): Promise<void> {
    this.recent.push(event);
    if (this.recent.length > 100) this.recent.shift();
    if (!this.sink) {
      this.logger.debug({ event: event.kind }, 'eduforum event (no notification sink wired yet)');
      return;
    }
    try {
      await this.sink.emit(event);
    } catch (error) {
      this.logger.warn({ err: error, event: event.kind }, 'eduforum event delivery failed');
    }
  }
}
