import { errorMessage, useToast } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type AdminUser, consoleKeys } from './admin-data.js';

/**
 * A change to an account from the console: the answer (the account as it is now) replaces the
 * cached one, the lists are asked again, and a toast says what happened or what went wrong.
 */
export function useAccountChange<V>(
  userId: string,
  send: (variables: V) => Promise<AdminUser>,
  done: (user: AdminUser) => string,
  onError?: (message: string, error: unknown) => void,
) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (user) => {
      queryClient.setQueryData(consoleKeys.user(userId), user);
      toast(done(user));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consoleKeys.users }),
        queryClient.invalidateQueries({ queryKey: consoleKeys.audit }),
      ]);
    },
    onError: (error) => {
      const message = errorMessage(error, t);
      if (onError) onError(message, error);
      else toast(message, 'danger');
    },
  });
}
