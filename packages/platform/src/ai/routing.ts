import type { AiDb } from './cache.js';
import type { AiConfig } from './env.js';
import { assignArm } from './experiments.js';
import { hasLocal } from './local.js';
import { latestPromptVersion, promptRegistry } from './prompts.js';
import type { RemoteProvider, RemoteProviderName } from './providers.js';
import type { TextTaskName } from './tasks.js';

/** One provider to try, in order. */
export type PlannedStep = { kind: 'local' } | { kind: 'remote'; provider: RemoteProvider; model: string };

/** How a call will be served: providers in order, the prompt version, the experiment arm if any. */
export interface Plan {
  steps: PlannedStep[];
  promptVersion: number;
  experiment: { name: string; arm: string } | undefined;
}

interface RoutingDeps {
  config: AiConfig;
  db: AiDb;
  providers: ReadonlyMap<RemoteProviderName, RemoteProvider>;
}

/**
 * Resolves the route of a task for a user: the task's route or experiment arm from `AI_ROUTING`,
 * else `default`, else every configured provider (OpenAI-compatible, then Anthropic). Steps naming
 * an unconfigured provider are skipped; the local engine is appended as the last fallback of the
 * tasks it can do (a route may also put it first, e.g. sentiment, where it is fast and free).
 * Users without an id are not enrolled in experiments: they get the first arm, unrecorded.
 */
export async function resolvePlan(
  deps: RoutingDeps,
  task: TextTaskName,
  userId: string | undefined,
): Promise<Plan> {
  const { config, providers } = deps;
  const taskRoute = config.routing.tasks?.[task];
  let route: readonly string[] | undefined;
  let promptVersion = latestPromptVersion(task);
  let experiment: Plan['experiment'];
  if (taskRoute && !Array.isArray(taskRoute) && 'arms' in taskRoute) {
    const arm = userId
      ? await assignArm(deps.db, taskRoute.experiment, userId, taskRoute.arms)
      : taskRoute.arms[0];
    if (arm) {
      route = arm.route;
      promptVersion = arm.promptVersion ?? promptVersion;
      if (userId) experiment = { name: taskRoute.experiment, arm: arm.name };
    }
  } else if (Array.isArray(taskRoute)) {
    route = taskRoute;
  }
  route ??= config.routing.default ?? [...providers.keys()];

  const steps: PlannedStep[] = [];
  const seen = new Set<string>();
  for (const entry of route) {
    const [name = '', ...rest] = entry.split(':');
    const pinned = rest.length > 0 ? rest.join(':') : undefined;
    if (name === 'local') {
      if (hasLocal(task) && !seen.has('local')) steps.push({ kind: 'local' });
      seen.add('local');
      continue;
    }
    const provider = providers.get(name as RemoteProviderName);
    if (!provider) continue;
    const model = provider.modelFor(task, pinned);
    const id = `${name}:${model}`;
    if (seen.has(id)) continue;
    seen.add(id);
    steps.push({ kind: 'remote', provider, model });
  }
  if (hasLocal(task) && !seen.has('local')) steps.push({ kind: 'local' });
  return { steps, promptVersion, experiment };
}

/** Fails fast at boot when an experiment arm pins a prompt version that does not exist. */
export function checkRouting(config: AiConfig): void {
  for (const [task, taskRoute] of Object.entries(config.routing.tasks ?? {})) {
    if (!taskRoute || Array.isArray(taskRoute) || !('arms' in taskRoute)) continue;
    for (const arm of taskRoute.arms) {
      const versions = promptRegistry[task as TextTaskName] as Readonly<Record<number, unknown>>;
      if (arm.promptVersion !== undefined && !versions[arm.promptVersion]) {
        throw new Error(
          `AI_ROUTING: arm "${arm.name}" of ${task} pins prompt version ${arm.promptVersion}, which does not exist`,
        );
      }
    }
  }
}
