import type { z } from 'zod';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Me, type MePatch } from '../../shared/schemas/auth.ts';
import type { Locale } from '../../shared/locales.ts';
import { apiRequest, isApiError, setCsrfToken } from './api.ts';
import { changeLocale, storedLocale } from '../i18n/i18n.ts';

export const meQueryKey = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const { data } = await apiRequest('/me', { schema: Me });
    setCsrfToken(data.csrfToken);
    // A new device has no language of its own yet: take the one saved with the account.
    if (!storedLocale()) await changeLocale(data.user.locale);
    return data;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in person, `null` when nobody is signed in, `undefined` while loading. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Forgets everything the previous person loaded and marks nobody as signed in. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}

/** After login or setting a password: remember who this is and speak their language. */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return async (me: Me) => {
    signedOutHere = false;
    // A "who is this?" asked before the session existed (a link opened in a new tab) must not answer "nobody" afterwards.
    await queryClient.cancelQueries({ queryKey: meQueryKey });
    forgetSession(queryClient);
    setCsrfToken(me.csrfToken);
    queryClient.setQueryData(meQueryKey, me);
    await changeLocale(me.user.locale);
  };
}

/** Set when this person signed out on this page, so the guard can say so instead of "sign in first". */
let signedOutHere = false;
export const wasSignedOutHere = () => signedOutHere;

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/auth/logout', { method: 'POST' }),
    // Also when the server could not be reached: on this device, the person wants out.
    onSettled: () => {
      signedOutHere = true;
      forgetSession(queryClient);
    },
  });
}

/** Switches the language; when signed in, the account remembers it for the next sign-in and for emails. */
export function useSwitchLocale() {
  const queryClient = useQueryClient();
  return async (locale: Locale) => {
    await changeLocale(locale);
    const me = queryClient.getQueryData<Me | null>(meQueryKey);
    if (!me || me.user.locale === locale) return;
    try {
      const body: z.infer<typeof MePatch> = { locale };
      const { data } = await apiRequest('/me', { method: 'PATCH', body, schema: Me });
      setCsrfToken(data.csrfToken);
      queryClient.setQueryData(meQueryKey, data);
    } catch {
      // The screen already speaks the new language; only the account's preference was not saved.
    }
  };
}
