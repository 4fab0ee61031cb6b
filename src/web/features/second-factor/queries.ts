import { useQuery } from '@tanstack/react-query';
import { SecondFactorStatus } from '../../../shared/schemas/second-factor.ts';
import { apiRequest, setCsrfToken } from '../../app/api.ts';

export const secondFactorKey = ['second-factor'] as const;

/** My second factor and what this session still has to do; also works for a half-signed-in session. */
export function useSecondFactorStatus() {
  return useQuery({
    queryKey: secondFactorKey,
    queryFn: async () => {
      const { data } = await apiRequest('/auth/second-factor', { schema: SecondFactorStatus });
      setCsrfToken(data.csrfToken);
      return data;
    },
    retry: false,
    staleTime: 0,
  });
}
