import { call } from '@app/client';
import type { StudymatePaths } from '@app/studymate-contracts';
import { useApi, useSession } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { keys, useSettings } from '../shared/data.js';
import { browserZone } from '../shared/time.js';

/**
 * A new learner's days are counted in this browser's time zone: the server starts everyone in
 * Asia/Seoul and has no "not chosen yet" state, so on a brand-new account (no subjects, no cards)
 * the zone is set once from the browser. The settings page changes it any time.
 */
export function useAdoptBrowserZone(fresh: boolean): void {
  const api = useApi<StudymatePaths>();
  const { user } = useSession();
  const settings = useSettings();
  const queryClient = useQueryClient();
  const zone = browserZone();
  const saved = settings.data?.timeZone;
  useEffect(() => {
    if (!fresh || !user || !saved || saved === zone) return;
    const flag = `studymate.zoneAdopted.${user.id}`;
    if (localStorage.getItem(flag)) return;
    localStorage.setItem(flag, '1');
    void call(api.PATCH('/api/v1/studymate/settings', { body: { timeZone: zone } }))
      .then((next) => {
        queryClient.setQueryData(keys.settings, next);
        return queryClient.invalidateQueries({ queryKey: keys.dashboard });
      })
      // Not worth an error on the home page: the settings page shows the zone in use.
      .catch(() => localStorage.removeItem(flag));
  }, [fresh, user, saved, zone, api, queryClient]);
}
