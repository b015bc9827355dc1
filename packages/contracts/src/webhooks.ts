import { z } from 'zod';
import { appNameSchema } from './apps.js';

const eventName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'like review.created')
  .max(100);

/** One event an app publishes to webhooks. */
export const webhookEventInfoSchema = z.object({ name: eventName, description: z.string() });

/** A subscription of a URL to some of an app's events. */
export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    app: appNameSchema,
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** Creation answer: the signing secret is shown this once. */
export const createdWebhookEndpointSchema = webhookEndpointSchema.extend({
  secret: z.string().describe('whsec_… signing secret (Standard Webhooks); shown only now'),
});

export const createWebhookEndpointSchema = z.object({
  app: appNameSchema,
  url: z.url({ protocol: /^https?$/ }).max(2048),
  events: z.array(eventName).min(1).max(100),
  description: z.string().trim().max(500).optional(),
});

export const updateWebhookEndpointSchema = z.object({
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  events: z.array(eventName).min(1).max(100).optional(),
  description: z.string().trim().max(500).nullable().optional(),
  enabled: z.boolean().optional().describe('true re-enables an endpoint that was disabled after failures'),
});

/** One delivery of one event to one endpoint, with its latest attempt. */
export const webhookDeliverySchema = z
  .object({
    id: z.uuid(),
    messageId: z.string().describe('The webhook-id header: msg_<id>, the same on every retry'),
    event: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastAttemptAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
