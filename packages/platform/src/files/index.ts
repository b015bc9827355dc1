export type { FilePurpose } from './env.js';
export type { AttachInput, FilesTransaction } from './lifecycle.js';
export { fileRoutes } from './routes.js';
export { type FileScopeResolver, FileScopes } from './scopes.js';
export { cleanupFilesTask, Files, type StoredFile } from './service.js';
