import { call } from '@app/client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/context.js';
import { buttonClass } from '../components/button.js';

/** "Continue with …" for each provider the server has enabled; nothing when none is. */
export function OAuthButtons() {
  const { t } = useTranslation();
  const api = useApi();
  const providers = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => call(api.GET('/api/v1/auth/providers')),
    staleTime: 5 * 60_000,
  });
  const items = providers.data?.items ?? [];
  if (items.length === 0) return null;
  // The provider returns to this app's /oauth page with a one-use hand-off code.
  const redirect = `${import.meta.env.BASE_URL}oauth`;
  return (
    <div className="flex flex-col gap-2">
      <p className="flex items-center gap-3 text-sm text-fg-muted before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
        {t('common.or')}
      </p>
      {items.map((provider) => (
        <a
          key={provider.id}
          href={`/api/v1/auth/oauth/${provider.id}?redirect=${encodeURIComponent(redirect)}`}
          className={buttonClass('secondary', 'w-full')}
        >
          {t('auth.withProvider', { provider: provider.label })}
        </a>
      ))}
    </div>
  );
}
