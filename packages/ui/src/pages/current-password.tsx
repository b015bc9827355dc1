import { enteredPasswordSchema } from '@app/contracts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/context.js';
import { TextField } from '../components/field.js';

/**
 * Sensitive changes (2FA, API keys) ask for the current password; accounts without one (provider
 * sign-in only) are confirmed by a recent sign-in instead. `password` is the form's rule for the
 * field (required only when the account has a password); `body` drops the field when it has none.
 */
export function useCurrentPassword() {
  const { user } = useSession();
  const hasPassword = user?.hasPassword ?? true;
  return {
    hasPassword,
    password: hasPassword ? enteredPasswordSchema : enteredPasswordSchema.or(enteredPasswordSchema.length(0)),
    /** The field errors of these codes belong on the password field (when it is shown). */
    fieldOfCode: hasPassword
      ? { INVALID_CREDENTIALS: 'password', REAUTHENTICATION_REQUIRED: 'password' }
      : {},
    body<T extends { password?: string | undefined }>(values: T): T {
      if (hasPassword) return values;
      const { password: _unused, ...rest } = values;
      return rest as T;
    },
  };
}

interface BoundField {
  name: string;
  value: string;
  error: string | undefined;
  onChange(event: { target: { value: string } }): void;
}

/** The password field of a sensitive change, or the note that a recent sign-in stands in for it. */
export function CurrentPasswordField({ hasPassword, field }: { hasPassword: boolean; field: BoundField }) {
  const { t } = useTranslation();
  if (!hasPassword) return <p className="text-sm text-fg-muted">{t('security.recentSignInHint')}</p>;
  return (
    <TextField
      label={t('security.currentPassword')}
      type="password"
      autoComplete="current-password"
      hint={t('security.currentPasswordHint')}
      {...field}
    />
  );
}
