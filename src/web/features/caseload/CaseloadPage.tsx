import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Caseload } from '../../../shared/schemas/caseload.ts';
import { apiRequest } from '../../app/api.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import { brusselsDay } from '../../../shared/brussels-day.ts';

const hours = (minutes: number) => (minutes / 60).toLocaleString(undefined, { maximumFractionDigits: 1 });

/** The coordinator's view of the team's load: families now and hours per month, per coach and per partner organisation. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const { collaborationId = '' } = useParams();
  const today = new Date();
  const [from, setFrom] = useState(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1)).toISOString().slice(0, 10));
  const [to, setTo] = useState(brusselsDay(today));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const caseload = useQuery({
    queryKey: ['caseload', collaborationId, from, to], enabled: valid,
    queryFn: async () => (await apiRequest(`/collaborations/${collaborationId}/caseload?from=${from}&to=${to}`, { schema: Caseload })).data,
  });
  const max = Math.max(1, ...(caseload.data?.coaches.map((c) => c.minutes) ?? [1]));
  return (
    <>
      <PageHeader title={t('caseload.title')} intro={t('caseload.intro')} />
      <TextField id="caseload-from" type="date" narrow label={t('caseload.from')} value={from} onChange={setFrom} />
      <TextField id="caseload-to" type="date" narrow label={t('caseload.to')} value={to} onChange={setTo} error={valid ? undefined : t('caseload.badPeriod')} />
      {caseload.isPending && valid && <Loading />}
      {caseload.isError && <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} isRetrying={caseload.isFetching} />}
      {caseload.data && (
        <>
          <h2>{t('caseload.perCoach')}</h2>
          <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('caseload.perCoach')}>
            <table>
              <caption>{t('caseload.coachCaption', { from, to })}</caption>
              <thead><tr><th scope="col">{t('caseload.coach')}</th><th scope="col">{t('caseload.organisation')}</th><th scope="col">{t('caseload.families')}</th>
                {caseload.data.months.map((m) => <th key={m} scope="col">{m}</th>)}<th scope="col">{t('caseload.totalHours')}</th></tr></thead>
              <tbody>
                {caseload.data.coaches.map((c) => (
                  <tr key={c.userId}>
                    <th scope="row">{c.name}</th><td>{c.partnerOrganisationName ?? '–'}</td><td>{c.families}</td>
                    {c.perMonth.map((m) => <td key={m.month}>{hours(m.minutes)}</td>)}
                    <td>
                      {hours(c.minutes)}
                      <svg aria-hidden="true" width="80" height="10" style={{ marginInlineStart: '0.5rem' }}><rect width={(80 * c.minutes) / max} height="10" fill="currentColor" /></svg>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('caseload.perPartner')}</h2>
          <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('caseload.perPartner')}>
            <table>
              <caption>{t('caseload.partnerCaption')}</caption>
              <thead><tr><th scope="col">{t('caseload.organisation')}</th><th scope="col">{t('caseload.coaches')}</th><th scope="col">{t('caseload.families')}</th><th scope="col">{t('caseload.totalHours')}</th></tr></thead>
              <tbody>
                {caseload.data.partners.map((p) => (
                  <tr key={p.partnerOrganisationId ?? 'none'}><th scope="row">{p.name ?? t('caseload.noOrganisation')}</th><td>{p.coaches}</td><td>{p.families}</td><td>{hours(p.minutes)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
