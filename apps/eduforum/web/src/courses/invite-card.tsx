import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { Button, Card, useApi, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { ConfirmDialog, CopyButton } from './bits.js';
import { type Course, keys } from './data.js';

/** The join link for a code: this app's `/join` page under its base path (`/eduforum/`). */
export function joinLink(code: string): string {
  return `${location.origin}${import.meta.env.BASE_URL.replace(/\/?$/, '/')}join?code=${encodeURIComponent(code)}`;
}

/** The invite code and its link (copy), and rotating it (old links stop working). */
export function InviteCard({ course }: { course: Course }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const code = course.inviteCode ?? '';
  const rotate = async () => {
    try {
      const updated = await call(
        api.POST('/api/v1/eduforum/courses/{courseId}/invite-code', {
          params: { path: { courseId: course.id } },
        }),
      );
      queryClient.setQueryData(keys.course(course.id), updated);
      toast(t('courses.invite.rotated'));
    } catch (error) {
      toast(errorText(error), 'danger');
      throw error;
    }
  };
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('courses.invite.title')}</h2>
      <p className="text-sm text-fg-muted">{t('courses.invite.lead')}</p>
      <p className="flex flex-wrap items-center gap-3">
        <span className="text-sm font-semibold">{t('courses.invite.code')}</span>
        <code
          data-testid="invite-code"
          className="rounded-md bg-surface-muted px-3 py-1 font-mono text-xl tracking-widest"
        >
          {code}
        </code>
      </p>
      <p className="rounded-md bg-surface-muted p-2 font-mono text-xs break-all">{joinLink(code)}</p>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={joinLink(code)} label={t('courses.invite.link')} />
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('courses.invite.rotate')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('courses.invite.rotateTitle')}
        body={t('courses.invite.rotateBody')}
        confirmLabel={t('courses.invite.rotate')}
        onConfirm={rotate}
      />
    </Card>
  );
}
