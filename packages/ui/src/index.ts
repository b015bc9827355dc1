export {
  safeNext,
  useApi,
  useAppTitle,
  useLocalized,
  useSession,
  useTitle,
  useWebApp,
  useWebSession,
  type WebAppConfig,
} from './app/context.js';
export { type UploadOptions, useFileUrl, useUpload } from './app/files.js';
export { mountWebApp } from './app/mount.js';
export { collabUrl, useChannel, useDeclaredChannel, useRealtime } from './app/realtime.js';
export { RequireUser } from './app/routes.js';
export { saveBlob } from './app/save-blob.js';
export { useCreditReason } from './billing/billing-history.js';
export { useEntitlements, usePlans } from './billing/data.js';
export { billingKeys, useHasPlans } from './billing/keys.js';
export { formatMoney } from './billing/money.js';
export { planLimitOf } from './billing/plan-limit.js';
export { useBillingText } from './billing/text.js';
export {
  type PlanLimitState,
  UpgradePrompt,
  usePlanLimit,
  useUpgradeText,
} from './billing/upgrade-prompt.js';
export { Avatar, initials } from './components/avatar.js';
export { Badge } from './components/badge.js';
export { Button, type ButtonProps, type ButtonVariant, buttonClass } from './components/button.js';
export { Card, PageHeader } from './components/card.js';
export { Chart, type ChartProps, type ChartSeries } from './components/chart.js';
export { Dialog } from './components/dialog.js';
export { CheckboxField, SelectField, TextAreaField, TextField } from './components/field.js';
export { errorMessage, Form, issueMessage } from './components/form.js';
export { useSeededForm, useZodForm, type ZodForm } from './components/form-state.js';
export { type DiffGranularity, diffParts, InlineDiff } from './components/inline-diff.js';
export { EmptyState, ErrorState, LoadingState, Notice, Spinner } from './components/states.js';
export { type Column, CursorTable, type Page } from './components/table.js';
export { Tabs } from './components/tabs.js';
export { ToastProvider, useToast } from './components/toast.js';
export { en, type Messages } from './i18n/en.js';
export { useFormat } from './i18n/format.js';
export { createI18n, currentLanguage, type Language, languages, type Translation } from './i18n/i18n.js';
export { ko } from './i18n/ko.js';
export { useNamespace } from './i18n/namespace.js';
export { notificationKeys, useNotificationArrivals } from './notifications/arrivals.js';
