import { call } from '@app/client';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { useApi } from '@app/ui';
import { useQuery } from '@tanstack/react-query';

/** React Query keys of the app, in one place so mutations invalidate the right lists. */
export const keys = {
  all: ['languagemate'] as const,
  overview: ['languagemate', 'overview'] as const,
  profile: ['languagemate', 'profile'] as const,
  suggestions: ['languagemate', 'suggestions'] as const,
  requests: (box: 'incoming' | 'outgoing') => ['languagemate', 'requests', box] as const,
  partners: ['languagemate', 'partners'] as const,
  sessions: (when: 'upcoming' | 'past') => ['languagemate', 'sessions', when] as const,
  dashboard: ['languagemate', 'dashboard'] as const,
  corrections: (state: 'to_review' | 'reviewed') => ['languagemate', 'corrections', state] as const,
  reports: (state: 'open' | 'resolved') => ['languagemate', 'reports', state] as const,
};

/** The caller's role and abilities here (the web draws admin links from them, the API decides). */
export function useOverview() {
  const api = useApi<LanguagematePaths>();
  return useQuery({
    queryKey: keys.overview,
    queryFn: () => call(api.GET('/api/v1/languagemate/overview')),
    staleTime: 60_000,
  });
}

/** The caller's own profile; `profile: null` until onboarding is finished. */
export function useProfile() {
  const api = useApi<LanguagematePaths>();
  return useQuery({
    queryKey: keys.profile,
    queryFn: () => call(api.GET('/api/v1/languagemate/profile')),
  });
}

/** The caller's partners with their rooms and unread counts. */
export function usePartners() {
  const api = useApi<LanguagematePaths>();
  return useQuery({
    queryKey: keys.partners,
    queryFn: () => call(api.GET('/api/v1/languagemate/partners')),
    // Unread counts move while the page is open; a light poll on top of the live refresh.
    refetchInterval: 60_000,
  });
}

/** Pending requests sent to (`incoming`) or by (`outgoing`) the caller. */
export function useRequests(box: 'incoming' | 'outgoing') {
  const api = useApi<LanguagematePaths>();
  return useQuery({
    queryKey: keys.requests(box),
    queryFn: () => call(api.GET('/api/v1/languagemate/requests', { params: { query: { box } } })),
  });
}
