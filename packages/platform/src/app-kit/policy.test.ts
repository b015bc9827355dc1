import { describe, expect, it } from 'vitest';
import { definePolicy } from './policy.js';

const courseId = '0190f5a8-0000-7000-8000-000000000001';
const otherId = '0190f5a8-0000-7000-8000-000000000002';

/** A policy whose course scope counts how often it asked the "database". */
function counted(roles: Record<string, 'teacher' | 'student'>) {
  const asked: string[] = [];
  const policy = definePolicy({
    roles: ['teacher', 'student'],
    actions: { 'course.view': ['teacher', 'student'], 'course.edit': ['teacher'] },
    scopes: {
      course: {
        noun: 'Course',
        async role(userId, id) {
          asked.push(`${userId}@${id}`);
          return id === courseId ? (roles[userId] ?? null) : null;
        },
      },
    },
  });
  return { policy, asked };
}

describe('Policy.require', () => {
  it('answers 404 to outsiders, 403 to a role without the action, and the role otherwise', async () => {
    const { policy } = counted({ t: 'teacher', s: 'student' });
    await expect(policy.require('x', { course: courseId }, 'course.view')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(policy.require('s', { course: courseId }, 'course.edit')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(policy.require('t', { course: courseId }, 'course.edit')).resolves.toBe('teacher');
  });

  it("reuses the role a route's grant resolved for the same scope and id, and asks again otherwise", async () => {
    const { policy, asked } = counted({ s: 'student' });
    const caller = { userId: 's', grant: { role: 'student', scope: 'course', id: courseId } };
    await expect(policy.require(caller, { course: courseId }, 'course.view')).resolves.toBe('student');
    // The grant still decides the action: a student may not edit.
    await expect(policy.require(caller, { course: courseId }, 'course.edit')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(asked).toEqual([]);
    // Another course is another question.
    await expect(policy.require(caller, { course: otherId }, 'course.view')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(asked).toEqual([`s@${otherId}`]);
  });

  it('ignores a grant naming a role the policy does not have', async () => {
    const { policy, asked } = counted({});
    const forged = { userId: 'x', grant: { role: 'owner', scope: 'course', id: courseId } };
    await expect(policy.require(forged, { course: courseId }, 'course.view')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(asked).toHaveLength(1);
  });
});
