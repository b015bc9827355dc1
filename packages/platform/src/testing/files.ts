import { randomBytes } from 'node:crypto';
import type { App } from '../http/app-type.js';
import { bearer } from './accounts.js';

/** A multipart/form-data body with one file part. */
export function multipartFile(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----campus${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** `POST /api/v1/files?purpose=` as the token's owner; the raw response. */
export function uploadFile(app: App, token: string, purpose: string, fileName: string, content: Buffer) {
  const body = multipartFile(fileName, content);
  return app.inject({
    method: 'POST',
    url: `/api/v1/files?purpose=${purpose}`,
    headers: { ...bearer(token), ...body.headers },
    payload: body.payload,
  });
}

/** Uploads a small text document and returns its id (throws unless 201). */
export async function uploadText(app: App, token: string, text = 'notes', fileName = 'notes.txt') {
  const res = await uploadFile(app, token, 'document', fileName, Buffer.from(text));
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; url: string }>();
}

/**
 * Follows `GET /api/v1/files/:id` as the token's owner: the signed link's status and body, or the
 * refusal's status (local storage driver).
 */
export async function downloadFile(app: App, token: string, fileId: string) {
  const redirect = await app.inject({
    method: 'GET',
    url: `/api/v1/files/${fileId}`,
    headers: bearer(token),
  });
  if (redirect.statusCode !== 302) return { status: redirect.statusCode, body: redirect.body };
  const content = await app.inject({ method: 'GET', url: String(redirect.headers.location) });
  return { status: content.statusCode, body: content.body };
}
