export { webhookRoutes } from './routes.js';
export { type WebhookEvent, Webhooks, webhookEvent } from './service.js';
export { newWebhookSecret, signWebhook } from './signature.js';
