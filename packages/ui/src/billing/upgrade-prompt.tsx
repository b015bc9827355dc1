import type { PlanLimitDetails } from '@app/contracts';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLocalized, useWebApp } from '../app/context.js';
import { Button, buttonClass } from '../components/button.js';
import { usePlans } from './data.js';
import { planLimitOf } from './plan-limit.js';
import { useBillingText } from './text.js';

/**
 * The sentences of an upgrade prompt for a refusal, in the user's language: "Your Free plan
 * includes 1 store. Upgrade to Basic for 3 stores." Counts use the app's own unit words when its
 * messages have them (`planUnits.<key>_one` / `_other` in the app's namespace), else the limit's
 * label from the plans.
 */
export function useUpgradeText(): (limit: PlanLimitDetails) => string {
  const t = useBillingText();
  const pick = useLocalized();
  const app = useWebApp().manifest.name;
  const plans = usePlans().data;
  return useCallback(
    (limit) => {
      const planName = (code: string) => {
        const plan = plans?.plans.find((candidate) => candidate.code === code);
        return plan ? pick(plan.name) : code;
      };
      const labelOf = (key: string) => {
        const label = plans?.labels[key];
        return label ? pick(label) : key;
      };
      const amount = (count: number) =>
        t(`planUnits.${limit.key}`, {
          ns: app,
          count,
          defaultValue: t('upgrade.unit', { count, label: labelOf(limit.key) }),
        });
      const plan = planName(limit.plan);
      const next = limit.upgradeTo ? planName(limit.upgradeTo) : null;
      if (limit.kind === 'credits')
        return `${t('upgrade.credits', { needed: limit.used, balance: limit.allowed ?? 0 })} ${t('upgrade.creditsMore')}`;
      if (limit.kind === 'feature') {
        const first = t('upgrade.feature', { feature: labelOf(limit.key), plan });
        return next ? `${first} ${t('upgrade.featureUpgrade', { plan: next })}` : first;
      }
      const first = t('upgrade.limit', { plan, amount: amount(limit.allowed ?? 0) });
      if (!limit.upgradeTo || !next) return `${first} ${t('upgrade.limitTop')}`;
      const allowed = plans?.plans.find((candidate) => candidate.code === limit.upgradeTo)?.limits[limit.key];
      // A plan without the key has no such limit, as the server counts it.
      const then =
        allowed === null || allowed === undefined
          ? t('upgrade.limitUpgradeUnlimited', { plan: next })
          : t('upgrade.limitUpgrade', { plan: next, amount: amount(allowed) });
      return `${first} ${then}`;
    },
    [t, pick, app, plans],
  );
}

/**
 * Shown where an action was refused with `PLAN_LIMIT`: what the plan allows, the plan that would
 * allow it, and a link to the pricing page (with that plan highlighted). Announced as an alert.
 */
export function UpgradePrompt({ limit, onDismiss }: { limit: PlanLimitDetails; onDismiss?: () => void }) {
  const t = useBillingText();
  const text = useUpgradeText()(limit);
  const pick = useLocalized();
  const upgrade = usePlans().data?.plans.find((plan) => plan.code === limit.upgradeTo);
  const to = upgrade ? `/pricing?plan=${encodeURIComponent(upgrade.code)}` : '/pricing';
  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-xl border-2 border-accent bg-surface p-4 shadow-sm sm:p-5"
    >
      <p className="font-semibold">{t('upgrade.title')}</p>
      <p>{text}</p>
      <div className="flex flex-wrap gap-2">
        <Link to={to} className={buttonClass('primary')}>
          {upgrade ? t('upgrade.seePlan', { plan: pick(upgrade.name) }) : t('upgrade.seePlans')}
        </Link>
        {onDismiss && (
          <Button variant="ghost" onClick={onDismiss}>
            {t('upgrade.dismiss')}
          </Button>
        )}
      </div>
    </div>
  );
}

/** What `usePlanLimit` gives a page: the current refusal, its prompt, and how to set or clear it. */
export interface PlanLimitState {
  /** The last `PLAN_LIMIT` refusal, until dismissed or cleared. */
  limit: PlanLimitDetails | null;
  /** The upgrade prompt for it (null when there is none): render it where the action was. */
  prompt: ReactNode;
  /** Shows the prompt when `error` is a PLAN_LIMIT refusal; returns false for any other error. */
  handle(error: unknown): boolean;
  clear(): void;
}

/**
 * For pages whose actions a plan may refuse (adding a store, a subject, an AI summary):
 *
 * ```tsx
 * const upgrade = usePlanLimit();
 * const add = useMutation({ mutationFn, onError: (e) => upgrade.handle(e) || toast(errorMessage(e, kit), 'danger') });
 * return <>{upgrade.prompt}<Button onClick={() => add.mutate()}>Add</Button></>;
 * ```
 */
export function usePlanLimit(): PlanLimitState {
  const [limit, setLimit] = useState<PlanLimitDetails | null>(null);
  const clear = useCallback(() => setLimit(null), []);
  const handle = useCallback((error: unknown) => {
    const details = planLimitOf(error);
    if (details) setLimit(details);
    return details !== null;
  }, []);
  const prompt = useMemo(
    () => (limit ? <UpgradePrompt limit={limit} onDismiss={clear} /> : null),
    [limit, clear],
  );
  return { limit, prompt, handle, clear };
}
