import { fileInfoSchema, filePurposeSchema, fileUsageSchema, uploadedFileSchema } from '@app/contracts';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, callerOf } from '../auth/access.js';
import { AppError } from '../http/app-error.js';
import type { Files } from './service.js';
import { contentDisposition } from './storage.js';

const tags = ['files'];
const user = { access: access.user() };
const fileParams = z.object({ id: z.uuid() });

/** `/api/v1/files`: streamed uploads, signed downloads, deletion and the caller's quota. */
export const fileRoutes: FastifyPluginAsync<{ files: Files }> = async (plugin, { files }) => {
  // One file per request; the per-purpose size limit is set per request below.
  await plugin.register(multipart, {
    limits: { files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 100 },
  });
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/',
    {
      // Uploads are shared with others: a verified email first (docs/decisions/015).
      config: { access: access.user({ verified: true }) },
      schema: {
        tags,
        summary: 'Upload one file (multipart/form-data, field `file`)',
        querystring: z.object({ purpose: filePurposeSchema }),
        consumes: ['multipart/form-data'],
        response: { 201: uploadedFileSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data.');
      const { purpose } = request.query;
      // One byte over the limit gets through, so the upload sees it and answers 413 (busboy would
      // otherwise cut the file at the limit silently).
      const part = await request.file({ limits: { fileSize: files.maxBytes(purpose) + 1 } });
      if (part?.fieldname !== 'file') throw new AppError('BAD_REQUEST', 'Send the file in the field `file`.');
      const stored = await files.upload({
        ownerId: callerOf(request).userId,
        purpose,
        fileName: part.filename,
        stream: part.file,
      });
      return reply.code(201).header('location', stored.url).send({
        id: stored.id,
        url: stored.url,
        contentType: stored.contentType,
        size: stored.size,
        durationMs: stored.durationMs,
      });
    },
  );

  app.get(
    '/usage',
    {
      config: user,
      schema: { tags, summary: "The caller's storage use and quota", response: { 200: fileUsageSchema } },
    },
    async (request) => files.usage(callerOf(request).userId),
  );

  app.get(
    '/:id',
    {
      config: user,
      schema: {
        tags,
        summary:
          'Redirects to a signed download URL that expires (FILES_URL_TTL_S); 404 unless the caller may read the file',
        params: fileParams,
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      const url = await files.downloadUrl(request.params.id, callerOf(request).userId);
      return reply.header('cache-control', 'no-store').redirect(url, 302);
    },
  );

  app.get(
    '/:id/info',
    {
      config: user,
      schema: {
        tags,
        summary: "A file's type, size, name and (audio) length; 404 unless the caller may read the file",
        params: fileParams,
        response: { 200: fileInfoSchema },
      },
    },
    async (request) => {
      const file = await files.info(request.params.id, callerOf(request).userId);
      return {
        id: file.id,
        url: file.url,
        purpose: file.purpose,
        contentType: file.contentType,
        size: file.size,
        name: file.name,
        durationMs: file.durationMs,
        createdAt: file.createdAt,
      };
    },
  );

  app.get(
    '/:id/content',
    {
      // The signature is the credential: links work in <img> and <audio> without a bearer token.
      config: { access: access.public },
      schema: {
        tags,
        summary: 'The bytes behind a signed link (local storage driver)',
        params: fileParams,
        querystring: z.object({ expires: z.coerce.number().int(), sig: z.string().max(100) }),
      },
    },
    async (request, reply) => {
      const download = await files.localDownload(request.params.id, request.query.expires, request.query.sig);
      if (!download) throw new AppError('NOT_FOUND', 'This storage serves its own links.');
      return reply
        .header('content-type', download.contentType)
        .header('content-length', String(download.size))
        .header('content-disposition', contentDisposition(download.name, download.inline))
        .header('cache-control', 'private, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(download.stream);
    },
  );

  app.delete(
    '/:id',
    {
      config: user,
      schema: {
        tags,
        summary: 'Delete one of your uploads that nothing uses (409 FILE_IN_USE otherwise)',
        params: fileParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await files.remove(request.params.id, callerOf(request).userId);
      return reply.code(204).send(null);
    },
  );
};
