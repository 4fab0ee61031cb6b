import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AccessLogVerification } from '../../../shared/schemas/access-log.ts';
import { apiRequest } from '../../app/api.ts';
import { paths } from '../../app/paths.ts';
import { useCollaborations } from '../../app/collaborations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';

/** Runs the access-log check and says in plain words whether every row still fits its chain. */
export function AccessLogVerificationPage() {
  const { t, i18n } = useTranslation();
  const collaborations = useCollaborations();
  const verify = useMutation({
    mutationFn: () => apiRequest('/platform/access-log/verification', { method: 'POST', schema: AccessLogVerification }),
  });
  const chainName = (chain: string) => chain === 'platform'
    ? t('accessLogCheck.platformChain')
    : collaborations.data?.find((c) => c.id === chain)?.name ?? chain;
  const result = verify.data?.data;
  const failure = result?.firstFailure;

  return (
    <>
      <PageHeader title={t('accessLogCheck.title')} intro={t('accessLogCheck.intro')} />
      <p><Link to={paths.platformCollaborations}>{t('accessLogCheck.back')}</Link></p>
      <Button variant="primary" onPress={() => verify.mutate()} isDisabled={verify.isPending}>
        {verify.isPending ? t('accessLogCheck.running') : t('accessLogCheck.run')}
      </Button>
      <div>
        {verify.isError && <ErrorState error={verify.error} onRetry={() => verify.mutate()} isRetrying={verify.isPending} />}
        {result?.ok && (
          <Alert tone="success">
            {t('accessLogCheck.ok', { count: result.rows, chains: result.chains, checkpoints: result.checkpoints })}{' '}
            {result.unsealed > 0 && t('accessLogCheck.unsealed', { count: result.unsealed })}
          </Alert>
        )}
        {result && failure && (
          <Alert tone="error">
            <strong>{t('accessLogCheck.failed')}</strong>{' '}
            {t(`accessLogCheck.problem.${failure.problem}`, {
              chain: chainName(failure.chain), place: failure.chainSeq, row: failure.rowId ?? '–',
            })}
            {result.findings.length > 1 && <> {t('accessLogCheck.more', { count: result.findings.length - 1 })}</>}
          </Alert>
        )}
        {result && (
          <p>{t('accessLogCheck.checkedAt', { when: new Date(result.checkedAt).toLocaleString(i18n.language) })}</p>
        )}
      </div>
    </>
  );
}
