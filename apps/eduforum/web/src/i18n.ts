import { useTranslation } from 'react-i18next';
import * as courses from './courses/messages.js';
import * as live from './live/messages.js';
import * as present from './present/messages.js';
import * as teaching from './teaching/messages.js';
import * as whiteboard from './whiteboard/messages.js';

const common = {
  en: {
    nav: { courses: 'Courses', join: 'Join a course', admin: 'Admin' },
    roles: { admin: 'Admin', professor: 'Professor', ta: 'TA', student: 'Student' },
    sessionStatus: { scheduled: 'Scheduled', live: 'Live', ended: 'Ended', cancelled: 'Cancelled' },
  },
  ko: {
    nav: { courses: '강의', join: '강의 참여', admin: '관리' },
    roles: { admin: '관리자', professor: '교수', ta: '조교', student: '학생' },
    sessionStatus: { scheduled: '예정', live: '진행 중', ended: '종료', cancelled: '취소됨' },
  },
};

/** eduforum's texts: the i18next namespace `eduforum`, one part per area of the app. */
export const messages = {
  en: {
    ...common.en,
    courses: courses.en,
    live: live.en,
    present: present.en,
    teaching: teaching.en,
    whiteboard: whiteboard.en,
  },
  ko: {
    ...common.ko,
    courses: courses.ko,
    live: live.ko,
    present: present.ko,
    teaching: teaching.ko,
    whiteboard: whiteboard.ko,
  },
};

/** `t` for eduforum's texts (`t('live.chat.title')`); the shared kit's texts stay in the default namespace. */
export function useT() {
  return useTranslation('eduforum');
}
