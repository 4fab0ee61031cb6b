import { useNavigate } from 'react-router';
import type { Me, SignInResult } from '../../../shared/schemas/auth.ts';
import { setCsrfToken } from '../../app/api.ts';
import { useSignedIn } from '../../app/session.ts';
import { paths } from '../../app/paths.ts';
import type { ReturnState } from '../../app/guards.tsx';

/** A professional who must link an app but may still wait: they are offered it once after signing in. */
export const offersEnrolment = (me: Me) => me.secondFactor.required && !me.secondFactor.enrolled && me.secondFactor.enrolBy !== null;

/**
 * What a sign-in answer leads to: the second step (code or linking an app) when the server asks for
 * it, the offer to link an app during the grace period, or straight on.
 */
export function useAfterSignIn() {
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  return async (result: SignInResult, next: { to: string; state?: unknown }) => {
    const back: ReturnState = { from: { pathname: next.to, search: '', hash: '' } };
    if ('secondFactorStep' in result) {
      setCsrfToken(result.csrfToken);
      await navigate(paths.secondStep, { replace: true, state: back });
      return;
    }
    await signedIn(result);
    if (offersEnrolment(result)) await navigate(paths.secondStep, { replace: true, state: back });
    else await navigate(next.to, { replace: true, state: next.state });
  };
}
