import type { Locale } from '@app/contracts';
import type { MailMessage } from './mailer.js';

interface Template {
  subject: string;
  intro: string;
  action: string;
  outro: string;
}

const templates = {
  verifyEmail: {
    ko: {
      subject: '이메일 주소를 확인해 주세요',
      intro: '{name}님, 가입해 주셔서 감사합니다. 아래 링크를 눌러 이메일 주소를 확인해 주세요.',
      action: '이메일 확인하기',
      outro: '이 링크는 24시간 동안 유효합니다. 가입하신 적이 없다면 이 메일을 무시하세요.',
    },
    en: {
      subject: 'Confirm your email address',
      intro: 'Hi {name}, thanks for signing up. Open the link below to confirm your email address.',
      action: 'Confirm email',
      outro: 'The link works for 24 hours. If you did not sign up, ignore this mail.',
    },
  },
  resetPassword: {
    ko: {
      subject: '비밀번호 재설정',
      intro: '{name}님, 비밀번호 재설정을 요청하셨습니다. 아래 링크에서 새 비밀번호를 정하세요.',
      action: '비밀번호 재설정하기',
      outro:
        '이 링크는 1시간 동안 유효하며 한 번만 쓸 수 있습니다. 요청하지 않으셨다면 이 메일을 무시하세요.',
    },
    en: {
      subject: 'Reset your password',
      intro: 'Hi {name}, you asked to reset your password. Choose a new one with the link below.',
      action: 'Reset password',
      outro: 'The link works once, for one hour. If you did not ask for this, ignore this mail.',
    },
  },
  /** An app invites an address that has no account yet (`{inviter}` invited you to `{target}`). */
  invitation: {
    ko: {
      subject: '{inviter}님이 {target}에 초대했습니다',
      intro:
        '{inviter}님이 {target}에 초대했습니다. 이 주소로 가입하고 이메일 주소를 확인하면 바로 참여됩니다.',
      action: '가입하고 참여하기',
      outro:
        '이 주소로 이미 가입하셨다면 로그인하고 이메일 주소를 확인하세요. 초대받을 일이 없다면 이 메일을 무시하세요.',
    },
    en: {
      subject: '{inviter} invited you to {target}',
      intro: '{inviter} invited you to {target}. Sign up with this address and confirm it, and you are in.',
      action: 'Sign up and join',
      outro:
        'If you already have an account with this address, sign in and confirm it. If you did not expect this, ignore this mail.',
    },
  },
} satisfies Record<string, Record<Locale, Template>>;

export type MailTemplate = keyof typeof templates;

/**
 * Renders a transactional mail in the recipient's language: plain text and escaped HTML; `{name}`
 * style placeholders in the texts take the values of `vars` (all but `link`).
 */
export function renderMail(
  template: MailTemplate,
  locale: Locale,
  to: string,
  vars: { link: string } & Record<string, string>,
): MailMessage {
  const t = templates[template][locale];
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
  const intro = fill(t.intro);
  const outro = fill(t.outro);
  const text = `${intro}\n\n${t.action}: ${vars.link}\n\n${outro}\n`;
  const html =
    `<!doctype html><html lang="${locale}"><body style="font-family:'Noto Sans KR',sans-serif;line-height:1.6">` +
    `<p>${escapeHtml(intro)}</p><p><a href="${escapeHtml(vars.link)}">${escapeHtml(t.action)}</a></p>` +
    `<p style="color:#666">${escapeHtml(outro)}</p></body></html>`;
  return { to, subject: fill(t.subject), text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
