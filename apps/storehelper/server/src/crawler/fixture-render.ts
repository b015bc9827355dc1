/**
 * Generated review pages for the benchmark and e2e (any number of places and pages): the saved
 * fixture pages with their review lists replaced by synthetic reviews in the same markup. The
 * crawler tests parse these too, so they cannot drift from what the parsers know.
 */

const NICKNAMES = [
  '맛집탐방러',
  '서울먹보',
  '동네주민',
  '냠냠',
  '점심헌터',
  '하루한끼',
  '먹깨비',
  'jiwoo',
  'mintchoco',
  '단골',
];
const TEXTS = [
  '김치찌개가 정말 진하고 맛있었어요. 반찬도 계속 리필해 주셨어요.',
  '웨이팅이 길었고 직원분이 주문을 잘못 받으셨어요. 다시 가고 싶진 않네요.',
  '가격 대비 양이 적어요. 된장찌개는 너무 짰습니다.',
  '포장해서 먹었는데 따뜻하게 잘 왔어요.',
  '매장이 깔끔하고 사장님이 친절하세요. 또 올게요!',
  '그냥 평범했어요. 나쁘지도 좋지도 않아요.',
  '주차가 불편하지만 음식은 맛있어요.',
  '불친절하고 음식도 식어서 나왔어요. 실망입니다.',
  '',
  '점심 메뉴 가성비 최고입니다. 회사 근처라 자주 와요.',
];
const TAGS = [
  '음식이 맛있어요',
  '친절해요',
  '양이 많아요',
  '매장이 청결해요',
  '가성비가 좋아요',
  '주차하기 편해요',
];
const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/** A synthetic review, the same for the same place, page and position. */
interface Synthetic {
  author: string;
  text: string;
  tags: string[];
  stars: number;
  photos: number;
  day: Date;
  reply: string | null;
}

function synthetic(placeId: string, page: number, index: number, perPage: number): Synthetic {
  const n = (page - 1) * perPage + index;
  const seed = (Number(placeId.slice(-4)) * 31 + n * 17) % 997;
  // Newest first: one review every 9 hours back from 2024-11-20 (Korean time).
  const day = new Date(Date.UTC(2024, 10, 20) - n * 9 * 3_600_000);
  const text = TEXTS[seed % TEXTS.length] ?? '';
  const keywordOnly = seed % 4 === 0;
  return {
    author: `${NICKNAMES[seed % NICKNAMES.length]}${n + 1}`,
    text: keywordOnly ? '' : text,
    tags: seed % 3 === 0 || keywordOnly ? [TAGS[seed % TAGS.length] ?? '친절해요'] : [],
    stars: 1 + (seed % 5),
    photos: seed % 3,
    day,
    reply: seed % 5 === 0 ? '방문해 주셔서 감사합니다!' : null,
  };
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function naverDate(day: Date): string {
  return `${String(day.getUTCFullYear()).slice(2)}.${day.getUTCMonth() + 1}.${day.getUTCDate()}.${WEEKDAYS[day.getUTCDay()]}`;
}

function kakaoDate(day: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getUTCFullYear()}.${pad(day.getUTCMonth() + 1)}.${pad(day.getUTCDate())}.`;
}

/** Naver review items (`<li>`) of one generated page. */
export function naverItems(placeId: string, page: number, perPage: number): string {
  return Array.from({ length: perPage }, (_, i) => {
    const r = synthetic(placeId, page, i, perPage);
    const photos = Array.from(
      { length: r.photos },
      (_, p) => `<a class="place_thumb" role="button"><img src="/img/review/${p}.jpg" alt="리뷰 사진"></a>`,
    ).join('');
    return [
      '<li class="pui__X35jYm EjjAW">',
      `<div class="pui__JiVbY3"><a class="pui__4Gicix" role="button"><div class="pui__NMi-Dp">${escapeHtml(r.author)}</div></a></div>`,
      photos ? `<div class="pui__ytmVCq"><div class="place_thumb_wrap">${photos}</div></div>` : '',
      r.text ? `<div class="pui__vn15t2"><a role="button">${escapeHtml(r.text)}</a></div>` : '',
      r.tags.length
        ? `<div class="pui__HLNvmI">${r.tags.map((t) => `<span class="pui__jhpEyP">${escapeHtml(t)}</span>`).join('')}</div>`
        : '',
      `<div class="pui__QKE5Pr"><span class="pui__gfuUIT"><span class="pui__blind">방문일</span><time aria-hidden="true">${naverDate(r.day)}</time></span></div>`,
      r.reply
        ? `<div class="pui__GbW8H7"><div class="pui__MzNrYe"><span class="pui__XE54q7">가게</span></div><div class="pui__J0tczd"><a role="button">${escapeHtml(r.reply)}</a></div></div>`
        : '',
      '</li>',
    ].join('\n');
  }).join('\n');
}

/** Kakao review items (`<li>`) of one generated page. */
export function kakaoItems(placeId: string, page: number, perPage: number): string {
  return Array.from({ length: perPage }, (_, i) => {
    const r = synthetic(placeId, page, i, perPage);
    const id = `${placeId}${String((page - 1) * perPage + i).padStart(5, '0')}`;
    const photos = Array.from(
      { length: r.photos },
      (_, p) => `<li><a href="#none" class="link_photo"><img src="/img/${p}.jpg" alt="후기 사진"></a></li>`,
    ).join('');
    return [
      `<li data-commentid="${id}">`,
      `<div class="star_info"><div class="grade_star size_s"><span class="ico_star star_rate"><span class="ico_star inner_star" style="width:${r.stars * 20}%;"></span></span></div></div>`,
      `<div class="comment_info"><p class="txt_comment "><span>${escapeHtml(r.text)}</span></p>`,
      `<div class="append_item"><a class="link_user">${escapeHtml(r.author)}</a><span class="time_write">${kakaoDate(r.day)}</span></div></div>`,
      photos ? `<div class="photo_review"><ul class="list_photo">${photos}</ul></div>` : '',
      r.reply
        ? `<div class="cmt_owner"><strong class="tit_owner">사장님 답글</strong><p class="txt_owner">${escapeHtml(r.reply)}</p></div>`
        : '',
      '</li>',
    ].join('\n');
  }).join('\n');
}

/** Kakao's page links for page `current` of `total` (five links a group, "다음" to the next group). */
export function kakaoPaging(current: number, total: number): string {
  const first = Math.floor((current - 1) / 5) * 5 + 1;
  const links: string[] = [];
  for (let n = first; n <= Math.min(total, first + 4); n++)
    links.push(
      n === current
        ? `<span class="screen_out">현재 페이지</span><em class="link_page">${n}</em>`
        : `<a href="#none" class="link_page">${n}</a>`,
    );
  if (first + 5 <= total) links.push('<a href="#none" class="btn_next">다음</a>');
  return links.join('\n');
}

/** A saved page with its review list (and Kakao's page links) replaced. */
export function withItems(shell: string, platform: 'naver' | 'kakao', items: string, paging = ''): string {
  if (platform === 'naver')
    return shell.replace(
      /(<ul id="_review_list">)[\s\S]*?(<\/ul>\s*<div class="NSTUp">)/,
      (_, open: string, close: string) => `${open}\n${items}\n${close}`,
    );
  return shell
    .replace(
      /(<ul class="list_evaluation">)[\s\S]*?(<\/ul>\s*<div class="paging_comm">)/,
      (_, open: string, close: string) => `${open}\n${items}\n${close}`,
    )
    .replace(
      /(<div class="paging_comm">)[\s\S]*?(<\/div>)/,
      (_, open: string, close: string) => `${open}\n${paging}\n${close}`,
    );
}
