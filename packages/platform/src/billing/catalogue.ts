import type { BillingDeclaration, Plan } from '@app/contracts';

/**
 * The plans every app declared (`defineApp({ billing })`), registered when the apps are mounted.
 * Apps without a declaration have one implicit free plan with no limits.
 */
export class PlanCatalogue {
  private readonly byApp = new Map<string, BillingDeclaration>();

  /** Registers an app's plans (defineApp validated them). */
  declare(app: string, billing: BillingDeclaration): void {
    this.byApp.set(app, billing);
  }

  /** Whether the app declared plans. */
  has(app: string): boolean {
    return this.byApp.has(app);
  }

  /** The app's plans in declaration order (cheapest first by convention); [] when none. */
  plans(app: string): readonly Plan[] {
    return this.byApp.get(app)?.plans ?? [];
  }

  labels(app: string): BillingDeclaration['labels'] {
    return this.byApp.get(app)?.labels ?? {};
  }

  /** One plan, or undefined when the app has no plan with that code. */
  plan(app: string, code: string): Plan | undefined {
    return this.plans(app).find((plan) => plan.code === code);
  }

  /** The plan everyone has without a subscription; an unlimited implicit one for apps without plans. */
  freePlan(app: string): Plan {
    return this.plans(app).find((plan) => plan.free) ?? implicitFree;
  }
}

const implicitFree: Plan = {
  code: 'free',
  free: true,
  name: { ko: '무료', en: 'Free' },
  description: { ko: '모든 기능', en: 'Everything' },
  prices: { month: { krw: 0, usd: 0 }, year: { krw: 0, usd: 0 } },
  limits: {},
  features: [],
  monthlyCredits: 0,
};
