export type { FilePurpose } from './env.js';
export { fileRoutes } from './routes.js';
export { cleanupFilesTask, Files, type StoredFile } from './service.js';
