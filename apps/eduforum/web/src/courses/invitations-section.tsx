import { call } from '@app/client';
import type { EduforumPaths, Invitation } from '@app/eduforum-contracts';
import { Button, CursorTable, useApi, useFormat, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { ConfirmDialog } from './bits.js';
import { keys } from './data.js';

/** Staff: addresses invited without an account yet, with resend and cancel. */
export function InvitationsSection({ courseId }: { courseId: string }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const format = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState<string>();
  const path = (invitationId: string) => ({ params: { path: { courseId, invitationId } } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.invitations(courseId) });

  const resend = async (invitation: Invitation) => {
    setBusy(invitation.id);
    try {
      await call(
        api.POST(
          '/api/v1/eduforum/courses/{courseId}/invitations/{invitationId}/resend',
          path(invitation.id),
        ),
      );
      toast(t('courses.members.resent', { email: invitation.email }));
      await refresh();
    } catch (error) {
      toast(errorText(error), 'danger');
    } finally {
      setBusy(undefined);
    }
  };
  const cancel = async (invitation: Invitation) => {
    try {
      await call(
        api.DELETE('/api/v1/eduforum/courses/{courseId}/invitations/{invitationId}', path(invitation.id)),
      );
      toast(t('courses.members.inviteCancelled', { email: invitation.email }));
      await refresh();
    } catch (error) {
      toast(errorText(error), 'danger');
      throw error;
    }
  };

  return (
    <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="invitations-heading" className="text-xl font-semibold">
          {t('courses.members.invitations')}
        </h2>
        <p className="text-sm text-fg-muted">{t('courses.members.invitationsLead')}</p>
      </div>
      <CursorTable<Invitation>
        caption={t('courses.members.invitations')}
        queryKey={keys.invitations(courseId)}
        fetchPage={(cursor) =>
          call(
            api.GET('/api/v1/eduforum/courses/{courseId}/invitations', {
              params: { path: { courseId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
            }),
          )
        }
        rowKey={(invitation) => invitation.id}
        empty={{ title: t('courses.members.invitationsEmpty') }}
        columns={[
          {
            header: t('courses.members.email'),
            cell: (invitation) => <span className="break-all">{invitation.email}</span>,
          },
          { header: t('courses.members.role'), cell: (invitation) => t(`roles.${invitation.role}`) },
          {
            header: t('courses.members.lastSent'),
            cell: (invitation) =>
              invitation.sentAt
                ? t('courses.members.sentTimes', {
                    when: format.dateTime(invitation.sentAt),
                    count: invitation.sendCount,
                  })
                : t('courses.members.notSentYet'),
            wide: true,
          },
          {
            header: t('courses.members.actions'),
            cell: (invitation) => (
              <span className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  className="whitespace-nowrap px-3"
                  loading={busy === invitation.id}
                  onClick={() => void resend(invitation)}
                  aria-label={`${t('courses.members.resend')}: ${invitation.email}`}
                >
                  {t('courses.members.resend')}
                </Button>
                <Button
                  variant="danger"
                  className="whitespace-nowrap px-3"
                  onClick={() => setCancelling(invitation)}
                  aria-label={`${t('courses.members.cancelInvite')}: ${invitation.email}`}
                >
                  {t('courses.members.cancelInvite')}
                </Button>
              </span>
            ),
          },
        ]}
      />
      <ConfirmDialog
        open={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={t('courses.members.cancelInviteTitle')}
        body={t('courses.members.cancelInviteBody', { email: cancelling?.email ?? '' })}
        confirmLabel={t('courses.members.cancelInvite')}
        onConfirm={() => (cancelling ? cancel(cancelling) : Promise.resolve())}
      />
    </section>
  );
}
