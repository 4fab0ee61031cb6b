import type { TFunction } from 'i18next';
import { isApiError } from '../app/api.ts';

/** The sentence to show for a failed request: the server's (already translated) or our own. */
export function errorText(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.message) return error.message;
    if (error.code === 'network_error') return t('errors.network');
  }
  return t('errors.unexpected');
}
