import * as nlp from '@app/nlp';
import { z } from 'zod';
import type { GatewayDeps } from './context.js';
import { resolvePlan } from './routing.js';
import type { SttEngines } from './run-stt.js';
import { type TextTaskName, textTaskNames } from './tasks.js';

const engine = z.object({
  name: z.string(),
  configured: z.boolean().describe('set up in the environment / installed on this machine'),
  available: z.boolean().describe('usable now: configured, and its circuit breaker is not open'),
  model: z.string().optional(),
  breaker: z.enum(['closed', 'open', 'half-open', 'isolated']).optional(),
  reason: z.string().optional().describe('why it is not available'),
});

export const aiStatusSchema = z
  .object({
    providers: z.array(engine).describe('language-model providers, the local engine included'),
    speechToText: z.array(engine),
    tasks: z.array(
      z.object({
        task: z.string(),
        route: z.array(z.string()).describe('providers tried in order for a user outside experiments'),
        experiment: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'AiStatus' });
export type AiStatus = z.output<typeof aiStatusSchema>;

let localCheck: { ok: boolean; reason?: string } | undefined;

/** Whether `@app/nlp` loads its models here (checked once; the first call loads them). */
function localEngine(): { ok: boolean; reason?: string } {
  if (!localCheck) {
    try {
      nlp.analyzeSentiment('good', 'en');
      localCheck = { ok: true };
    } catch (error) {
      localCheck = { ok: false, reason: error instanceof Error ? error.message : 'failed to load' };
    }
  }
  return localCheck;
}

/**
 * What is configured and usable, never guessed: remote providers are not pinged (that costs
 * money and quota), so "available" means configured with a closed or half-open breaker; local
 * engines are probed (binary on PATH, model files present, native addon loads).
 */
export async function aiStatus(deps: GatewayDeps, stt: SttEngines): Promise<AiStatus> {
  const providers: AiStatus['providers'] = [];
  for (const name of ['openai', 'anthropic'] as const) {
    const provider = deps.providers.get(name);
    const settings = deps.config[name];
    if (!provider || !settings) {
      const variable = name === 'openai' ? 'AI_OPENAI_BASE_URL or AI_OPENAI_API_KEY' : 'AI_ANTHROPIC_API_KEY';
      providers.push({ name, configured: false, available: false, reason: `${variable} is not set` });
      continue;
    }
    const breaker = provider.resilience.state();
    providers.push({
      name,
      configured: true,
      available: breaker === 'closed' || breaker === 'half-open',
      model: settings.model,
      breaker,
      ...(breaker === 'open' ? { reason: 'circuit open after repeated failures' } : {}),
    });
  }
  const local = localEngine();
  providers.push({
    name: 'local',
    configured: true,
    available: local.ok,
    model: '@app/nlp',
    ...(local.reason ? { reason: local.reason } : {}),
  });

  const speechToText: AiStatus['speechToText'] = [];
  if (stt.openai) {
    speechToText.push({ name: 'stt-openai', configured: true, available: true, model: stt.openai.model });
  } else {
    speechToText.push({
      name: 'stt-openai',
      configured: false,
      available: false,
      reason: 'STT_OPENAI_BASE_URL is not set',
    });
  }
  for (const e of [stt.whisper, stt.pocketsphinx]) {
    const availability = await e.availability();
    speechToText.push({
      name: e.name,
      // whisper is configured by a variable; pocketsphinx by installing its Debian packages.
      configured:
        e.name === 'whisper' ? deps.config.stt.whisperModelPath !== undefined : availability.available,
      available: availability.available,
      model: e.model,
      ...(availability.reason ? { reason: availability.reason } : {}),
    });
  }

  const tasks: AiStatus['tasks'] = [];
  for (const task of textTaskNames) {
    const plan = await resolvePlan(deps, task, undefined);
    const route = plan.steps.map((s) => (s.kind === 'local' ? 'local' : `${s.provider.name}:${s.model}`));
    const configured = deps.config.routing.tasks?.[task as TextTaskName];
    const experiment =
      configured && !Array.isArray(configured) && 'experiment' in configured
        ? configured.experiment
        : undefined;
    tasks.push({ task, route, ...(experiment ? { experiment } : {}) });
  }
  return { providers, speechToText, tasks };
}
