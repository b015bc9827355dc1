export { type CollabClient, openCollabDocument } from './client.js';
export { Collab, type CollabAccess, type CollabNamespace, publishReauthorize } from './collab.js';
export { collabRoutes } from './routes.js';
