import type { Locale } from '@app/contracts';
import type { MailMessage } from '../mail/mailer.js';

interface Rendered {
  title: string;
  body: string;
  link: string | null;
}

const digestText = {
  ko: {
    subject: (n: number) => `오늘의 알림 ${n}건`,
    intro: '지난 하루 동안 받은 알림입니다.',
    open: '열기',
  },
  en: {
    subject: (n: number) => `${n} notification${n === 1 ? '' : 's'} today`,
    intro: 'Here is what happened since yesterday.',
    open: 'Open',
  },
} as const;

/** One notification as a mail. Links are made absolute against the public URL. */
export function notificationMail(to: string, locale: Locale, item: Rendered, publicUrl: string): MailMessage {
  const link = absolute(item.link, publicUrl);
  const text = `${item.body}\n${link ? `\n${link}\n` : ''}`;
  const html = page(
    locale,
    `<p>${escapeHtml(item.body)}</p>${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(digestText[locale].open)}</a></p>` : ''}`,
  );
  return { to, subject: item.title, text, html };
}

/** The daily digest: every notification the user chose to get by digest, in one mail. */
export function digestMail(
  to: string,
  locale: Locale,
  items: readonly Rendered[],
  publicUrl: string,
): MailMessage {
  const t = digestText[locale];
  const lines = items.map((item) => {
    const link = absolute(item.link, publicUrl);
    return { ...item, link };
  });
  const text = `${t.intro}\n\n${lines.map((l) => `- ${l.title}: ${l.body}${l.link ? ` (${l.link})` : ''}`).join('\n')}\n`;
  const html = page(
    locale,
    `<p>${escapeHtml(t.intro)}</p><ul>${lines
      .map(
        (l) =>
          `<li><strong>${escapeHtml(l.title)}</strong> ${escapeHtml(l.body)}${
            l.link ? ` <a href="${escapeHtml(l.link)}">${escapeHtml(t.open)}</a>` : ''
          }</li>`,
      )
      .join('')}</ul>`,
  );
  return { to, subject: t.subject(items.length), text, html };
}

function absolute(link: string | null, publicUrl: string): string | null {
  if (!link) return null;
  return link.startsWith('/') ? `${publicUrl}${link}` : link;
}

function page(locale: Locale, content: string): string {
  return `<!doctype html><html lang="${locale}"><body style="font-family:'Noto Sans KR',sans-serif;line-height:1.6">${content}</body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
