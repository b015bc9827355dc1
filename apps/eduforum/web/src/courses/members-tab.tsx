import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { addMemberSchema, type CourseRole, type Member } from '@app/eduforum-contracts';
import {
  Button,
  Card,
  CursorTable,
  Form,
  SelectField,
  TextField,
  useApi,
  useFormat,
  useSession,
  useToast,
  useZodForm,
} from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { ConfirmDialog } from './bits.js';
import { type Course, can, keys } from './data.js';
import { InvitationsSection } from './invitations-section.js';
import { InviteCard } from './invite-card.js';
import { RosterImport } from './roster-import.js';

const courseRoles: CourseRole[] = ['student', 'ta', 'professor'];

/** Members (staff): the list; professors and admins add, change roles, remove, invite, import. */
export function MembersTab({ course }: { course: Course }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const format = useFormat();
  const { user } = useSession();
  const courseId = course.id;
  const [removing, setRemoving] = useState<Member | null>(null);
  const change = useMemberChanges(courseId);

  return (
    <div className="flex flex-col gap-6">
      {can(course, 'course.edit') && (
        <div className="grid gap-4 lg:grid-cols-2">
          <InviteCard course={course} />
          <AddMemberCard courseId={courseId} />
        </div>
      )}
      {can(course, 'course.edit') && <RosterImport courseId={courseId} />}
      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h2 id="members-heading" className="text-xl font-semibold">
          {t('courses.members.title')}
        </h2>
        <CursorTable<Member>
          caption={t('courses.members.title')}
          queryKey={keys.members(courseId)}
          fetchPage={(cursor) =>
            call(
              api.GET('/api/v1/eduforum/courses/{courseId}/members', {
                params: { path: { courseId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
              }),
            )
          }
          rowKey={(member) => member.userId}
          empty={{ title: t('courses.members.empty') }}
          columns={[
            {
              header: t('courses.members.name'),
              cell: (member) => (
                <span className="flex flex-col">
                  <span className="font-semibold">{member.name}</span>
                  {member.email && <span className="text-xs text-fg-muted md:hidden">{member.email}</span>}
                </span>
              ),
            },
            { header: t('courses.members.email'), cell: (member) => member.email ?? '—', wide: true },
            {
              header: t('courses.members.role'),
              cell: (member) =>
                can(course, 'course.edit') && member.userId !== user?.id ? (
                  <select
                    aria-label={t('courses.members.roleOf', { name: member.name })}
                    value={change.pending?.userId === member.userId ? change.pending.role : member.role}
                    disabled={change.pending?.userId === member.userId}
                    onChange={(event) => change.setRole(member, event.target.value as CourseRole)}
                    className="min-h-11 rounded-lg border border-border bg-surface px-2 text-sm whitespace-nowrap"
                  >
                    {courseRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`roles.${member.role}`)
                ),
            },
            {
              header: t('courses.members.joined'),
              cell: (member) => format.date(member.joinedAt),
              wide: true,
            },
            ...(can(course, 'course.edit')
              ? [
                  {
                    header: t('courses.members.actions'),
                    cell: (member: Member) =>
                      member.userId === user?.id ? null : (
                        <Button
                          variant="danger"
                          className="whitespace-nowrap px-3"
                          onClick={() => setRemoving(member)}
                          aria-label={`${t('courses.members.remove')}: ${member.name}`}
                        >
                          {t('courses.members.remove')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </section>
      {can(course, 'course.edit') && <InvitationsSection courseId={courseId} />}
      {can(course, 'course.edit') && (
        <ConfirmDialog
          open={removing !== null}
          onClose={() => setRemoving(null)}
          title={t('courses.members.removeTitle')}
          body={t('courses.members.removeBody', { name: removing?.name ?? '' })}
          confirmLabel={t('courses.members.remove')}
          onConfirm={() => (removing ? change.remove(removing) : Promise.resolve())}
        />
      )}
    </div>
  );
}

/** Role changes and removals, each followed by a fresh member list. */
function useMemberChanges(courseId: string) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  // The role being set: the select shows it until the refreshed list has it (not the old one).
  const [pending, setPending] = useState<{ userId: string; role: CourseRole }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.members(courseId) });
  const path = (userId: string) => ({ params: { path: { courseId, userId } } });
  return {
    pending,
    async setRole(member: Member, role: CourseRole) {
      setPending({ userId: member.userId, role });
      try {
        await call(
          api.PATCH('/api/v1/eduforum/courses/{courseId}/members/{userId}', {
            ...path(member.userId),
            body: { role },
          }),
        );
        toast(t('courses.members.roleChanged', { name: member.name, role: t(`roles.${role}`) }));
      } catch (error) {
        toast(errorText(error), 'danger');
      } finally {
        await refresh();
        setPending(undefined);
      }
    },
    async remove(member: Member) {
      try {
        await call(api.DELETE('/api/v1/eduforum/courses/{courseId}/members/{userId}', path(member.userId)));
        toast(t('courses.members.removed', { name: member.name }));
        await refresh();
      } catch (error) {
        toast(errorText(error), 'danger');
        throw error;
      }
    },
  };
}

function AddMemberCard({ courseId }: { courseId: string }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(addMemberSchema, { email: '', role: 'student' });
  const submit = form.onSubmit(async (body) => {
    const { status } = await call(
      api.POST('/api/v1/eduforum/courses/{courseId}/members', { params: { path: { courseId } }, body }),
    );
    // An address without an account is invited (mailed; enrolled once they sign up with it).
    toast(
      t(status === 'invited' ? 'courses.members.invited' : 'courses.members.added', { email: body.email }),
    );
    form.reset({ email: '' });
    await queryClient.invalidateQueries({ queryKey: keys.members(courseId) });
  });
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('courses.members.addTitle')}</h2>
      <Form onSubmit={submit} error={form.formError} label={t('courses.members.addTitle')}>
        <TextField
          type="email"
          autoComplete="off"
          label={t('courses.members.email')}
          {...form.field('email')}
        />
        <SelectField
          label={t('courses.members.role')}
          options={courseRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          {...form.field('role')}
        />
        <Button type="submit" loading={form.submitting} className="self-start">
          {t('courses.members.add')}
        </Button>
      </Form>
    </Card>
  );
}
