import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { kakaoItems, kakaoPaging, naverItems, withItems } from './fixture-render.js';

/**
 * Stand-ins for Naver Place and Kakao Map on loopback, one server each (so each platform's host
 * allow-list is exercised), serving the saved pages in `fixtures/`. Place ids:
 *
 * | Naver | Kakao | page |
 * |---|---|---|
 * | 1001 | 2001 | five reviews and a second page (Naver: four more after "more"; Kakao: three on page link "2") |
 * | 1002 | 2002 | the same page after a layout change (Naver: review classes renamed; Kakao: stars redrawn) |
 * | 1003 | | a place without reviews |
 * | 1004 | 2004 | answers 500 every time |
 * | 1005 | | answers 429 |
 * | 1009 | | never answers (timeouts) |
 * | 9… | 9… | generated: `generatedPages` pages of 10 (Naver) or 5 (Kakao) reviews, distinct per id |
 *
 * Anything else is 404. Test support: reads the `.html` files next to this module (sources only).
 */
export interface FixtureSite {
  /** Use as NAVER_PLACE_BASE_URL / KAKAO_PLACE_BASE_URL. */
  readonly naverBaseUrl: string;
  readonly kakaoBaseUrl: string;
  /** Every request path the two servers received, in order (`naver /place/1001/...`). */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface FixtureSiteOptions {
  /** Pages of a generated place (default 5). */
  readonly generatedPages?: number;
}

const NAVER_PER_PAGE = 10;
const KAKAO_PER_PAGE = 5;

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** An answer of a stand-in; `hang` never answers (timeouts). */
type Reply = { status: number; type: string; body: string; lastPage?: boolean } | 'hang';

const html = (status: number, body: string, lastPage = false): Reply => ({
  status,
  type: 'text/html',
  body,
  lastPage,
});
const json = (value: unknown): Reply => ({
  status: 200,
  type: 'application/json',
  body: JSON.stringify(value),
});

type Files = Record<
  'naver' | 'naverMore2' | 'naverChanged' | 'naverEmpty' | 'kakao' | 'kakao2' | 'kakaoChanged',
  string
>;

/** Naver's stand-in: the visitor-review page and its "more" requests. */
function naverReply(url: URL, files: Files, pages: number): Reply {
  const visitor = /^\/place\/(\d+)\/review\/visitor(\/more)?$/.exec(url.pathname);
  if (!visitor) return html(404, '<h1>페이지를 찾을 수 없습니다</h1>');
  const id = visitor[1] ?? '';
  const page = visitor[2] ? Number(url.searchParams.get('page') ?? '2') : 1;
  if (id === '1009') return 'hang';
  if (id === '1004') return html(500, '<h1>일시적인 오류</h1>');
  if (id === '1005') return html(429, '<h1>Too Many Requests</h1>');
  if (id === '1001' && page === 1) return html(200, files.naver);
  if (id === '1001' && page === 2) return html(200, files.naverMore2, true);
  if (id === '1002' && page === 1) return html(200, files.naverChanged);
  if (id === '1003' && page === 1) return html(200, files.naverEmpty);
  if (!id.startsWith('9') || page > pages) return html(404, '<h1>없는 장소</h1>');
  const items = naverItems(id, page, NAVER_PER_PAGE);
  if (page > 1) return html(200, items, page === pages);
  const body = withItems(files.naver, 'naver', items);
  // One page only: no "more" button.
  return html(200, pages === 1 ? body.replace(/<div class="NSTUp">[\s\S]*?<\/div>\s*<\/div>/, '') : body);
}

/** Kakao's stand-in: the place page and its comment pages (JSON, as Kakao's client fetches them). */
function kakaoReply(url: URL, files: Files, pages: number): Reply {
  const place = /^\/(\d+)$/.exec(url.pathname);
  const comments = /^\/commentlist\/v\/(\d+)\/(\d+)$/.exec(url.pathname);
  const id = place?.[1] ?? comments?.[1] ?? '';
  const page = comments ? Number(comments[2]) : 1;
  if (id === '2004') return html(500, '<h1>error</h1>');
  if (place && id === '2001') return html(200, files.kakao);
  if (place && id === '2002') return html(200, files.kakaoChanged);
  if (comments && id === '2001' && page === 2) return json({ list: files.kakao2, paging: kakaoPaging(2, 2) });
  if (!id.startsWith('9') || page > pages) return html(404, '<h1>장소 정보가 없습니다</h1>');
  const items = kakaoItems(id, page, KAKAO_PER_PAGE);
  if (place) return html(200, withItems(files.kakao, 'kakao', items, kakaoPaging(1, pages)));
  return json({ list: items, paging: kakaoPaging(page, pages) });
}

/** Starts both stand-ins on 127.0.0.1, free ports. */
export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const pages = options.generatedPages ?? 5;
  const files: Files = {
    naver: fixture('naver-visitor.html'),
    naverMore2: fixture('naver-visitor-more-2.html'),
    naverChanged: fixture('naver-changed.html'),
    naverEmpty: fixture('naver-empty.html'),
    kakao: fixture('kakao-place.html'),
    kakao2: fixture('kakao-comments-2.html'),
    kakaoChanged: fixture('kakao-changed.html'),
  };
  const requests: string[] = [];
  const serve =
    (name: 'naver' | 'kakao', reply: (url: URL, files: Files, pages: number) => Reply) =>
    (request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://fixture');
      requests.push(`${name} ${url.pathname}${url.search}`);
      const answer = reply(url, files, pages);
      if (answer === 'hang') return;
      response.writeHead(answer.status, {
        'content-type': `${answer.type}; charset=utf-8`,
        'cache-control': 'no-store',
        ...(answer.lastPage ? { 'x-last-page': '1' } : {}),
      });
      response.end(answer.body);
    };
  const servers = [createServer(serve('naver', naverReply)), createServer(serve('kakao', kakaoReply))];
  const origins = await Promise.all(servers.map(listen));
  return {
    naverBaseUrl: origins[0] ?? '',
    kakaoBaseUrl: origins[1] ?? '',
    requests,
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}
