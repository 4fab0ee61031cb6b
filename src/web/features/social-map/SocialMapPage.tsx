import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SocialMapInput, type SocialMapEntry } from '../../../shared/schemas/social-map.ts';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { API_BASE } from '../../app/api.ts';
import { useCollaborationId } from '../../app/guards.tsx';
import { useLocale } from '../../i18n/i18n.ts';
import { useSettings } from '../settings/queries.ts';
import { useConfirmWaiting, useCreateEntry, useImportCsv, useSocialMap } from './queries.ts';
import styles from '../network/Network.module.css';

type Domain = { id: string; labelNl: string; labelEn: string };

/** The collaboration's directory of services: search in Dutch, filter, keep waiting times current. */
export function SocialMapPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const collaborationId = useCollaborationId();
  const domains: Domain[] = useSettings(collaborationId).data?.data.lifeDomains ?? [];
  const [filter, setFilter] = useState({ q: '', lifeDomainId: '', postcode: '' });
  const [open, setOpen] = useState<'add' | 'import' | null>(null);
  const entries = useSocialMap(collaborationId, filter);
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const domainName = (id: string) => { const d = domains.find((x) => x.id === id); return d ? (locale === 'en' ? d.labelEn : d.labelNl) : ''; };
  return (
    <>
      <PageHeader title={t('socialMap.title')} intro={t('socialMap.intro')} actions={<>
        <Button variant="primary" onPress={() => setOpen('add')}>{t('socialMap.add')}</Button>
        <a className={styles.tel} href={`${API_BASE}/social-map/export?collaborationId=${collaborationId}`} download>{t('socialMap.export')}</a>
        <Button onPress={() => setOpen('import')}>{t('socialMap.import')}</Button>
      </>} />
      <search className={styles.views}>
        <TextField id="sm-q" label={t('socialMap.search')} description={t('socialMap.searchHint')} optional value={filter.q} onChange={(q) => setFilter({ ...filter, q })} />
        <SelectField id="sm-domain" label={t('socialMap.domain')} value={filter.lifeDomainId || 'all'} onChange={(id) => setFilter({ ...filter, lifeDomainId: id === 'all' ? '' : id })}
          options={[{ value: 'all', label: t('socialMap.allDomains') }, ...domains.map((d) => ({ value: d.id, label: domainName(d.id) }))]} />
        <TextField id="sm-postcode" label={t('socialMap.postcode')} optional narrow inputMode="numeric" value={filter.postcode} onChange={(postcode) => setFilter({ ...filter, postcode })} />
      </search>
      {entries.isPending && <Loading />}
      {entries.isError && <ErrorState error={entries.error} onRetry={() => void entries.refetch()} isRetrying={entries.isFetching} />}
      {entries.data && items.length === 0 && <EmptyState title={t('socialMap.empty')}>{t('socialMap.emptyHint')}</EmptyState>}
      <ul className={styles.cards} aria-live="polite">
        {items.map((e) => <EntryCard key={e.id} entry={e} collaborationId={collaborationId} domainName={domainName} />)}
      </ul>
      <LoadMore query={entries} />
      <FormDialog isOpen={open !== null} onClose={() => setOpen(null)} title={open === 'import' ? t('socialMap.import') : t('socialMap.add')}>
        {open === 'add' && <EntryForm collaborationId={collaborationId} domains={domains} domainName={domainName} onDone={() => setOpen(null)} />}
        {open === 'import' && <ImportForm collaborationId={collaborationId} onDone={() => setOpen(null)} />}
      </FormDialog>
    </>
  );
}

function EntryCard({ entry: e, collaborationId, domainName }: { entry: SocialMapEntry; collaborationId: string; domainName: (id: string) => string }) {
  const { t } = useTranslation();
  const confirm = useConfirmWaiting(collaborationId);
  const [weeks, setWeeks] = useState(e.waitingWeeks === null ? '' : String(e.waitingWeeks));
  const date = e.waitingConfirmedAt ? new Date(e.waitingConfirmedAt).toLocaleDateString('nl-BE') : null;
  return (
    <li className={styles.card}>
      <h3>{e.organisation}: {e.service}</h3>
      {e.description && <p>{e.description}</p>}
      <p className={styles.meta}>
        {e.lifeDomainIds.map((id) => <span key={id}>{domainName(id)}</span>)}
        <span>{e.postcodes.length > 0 ? t('socialMap.region', { postcodes: e.postcodes.join(', ') }) : t('socialMap.wholeRegion')}</span>
      </p>
      {e.targetGroup && <p>{t('socialMap.target', { text: e.targetGroup })}</p>}
      {e.howToRegister && <p>{t('socialMap.howToRegister', { text: e.howToRegister })}</p>}
      {e.contact && <p>{t('socialMap.contact', { text: e.contact })}</p>}
      <p>
        <strong>{e.waitingWeeks === null ? t('socialMap.noWaiting') : t('socialMap.waiting', { count: e.waitingWeeks })}</strong>
        {date && ` (${t('socialMap.confirmedBy', { date, name: e.waitingConfirmedByName ?? '?' })})`}
        {e.stale && <> <Badge tone="warning">{t('socialMap.stale')}</Badge></>}
      </p>
      {confirm.isError && <Alert tone="error">{errorText(confirm.error, t)}</Alert>}
      <form className={styles.views} noValidate onSubmit={(ev) => { ev.preventDefault(); confirm.mutate({ entry: e, waitingWeeks: weeks.trim() === '' ? null : Number(weeks) }); }}>
        <TextField id={`weeks-${e.id}`} label={t('socialMap.fields.waitingWeeks')} optional narrow inputMode="numeric" value={weeks} onChange={setWeeks} />
        <Button type="submit" aria-label={t('socialMap.confirmLabel', { name: `${e.organisation}: ${e.service}` })} isPending={confirm.isPending}>{t('socialMap.confirm')}</Button>
      </form>
    </li>
  );
}

const FIELDS = ['organisation', 'service', 'description', 'lifeDomainIds', 'targetGroup', 'postcodes.*', 'howToRegister', 'contact', 'waitingWeeks'] as const;

function EntryForm({ collaborationId, domains, domainName, onDone }: { collaborationId: string; domains: Domain[]; domainName: (id: string) => string; onDone: () => void }) {
  const { t } = useTranslation();
  const idFor = formIds('entry');
  const [v, setV] = useState({ organisation: '', service: '', description: '', targetGroup: '', postcodes: '', howToRegister: '', contact: '', waitingWeeks: '', lifeDomainIds: [] as string[] });
  const feedback = useFormFeedback(FIELDS);
  const create = useCreateEntry(collaborationId);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = feedback.validate(SocialMapInput, {
      ...v, collaborationId, postcodes: v.postcodes.split(/[\s,;]+/).filter(Boolean), waitingWeeks: v.waitingWeeks.trim() === '' ? null : Number(v.waitingWeeks),
    });
    if (body && !create.isPending) create.mutate(body, { onSuccess: onDone, onError: feedback.showError });
  };
  const label = (f: string) => t(`socialMap.fields.${f.split('.')[0]}` as 'socialMap.fields.service');
  const text = (f: Exclude<keyof typeof v, 'lifeDomainIds'>, optional = true) => (
    <TextField id={idFor(f)} label={label(f)} optional={optional} value={v[f]} onChange={(value) => setV({ ...v, [f]: value })} error={feedback.fieldErrors[f]} />
  );
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        {text('organisation', false)}
        {text('service', false)}
        <TextAreaField id={idFor('description')} label={label('description')} optional rows={3} value={v.description} onChange={(description) => setV({ ...v, description })} />
        {domains.length > 0 && <CheckboxGroupField id={idFor('lifeDomainIds')} label={label('lifeDomainIds')} value={v.lifeDomainIds} onChange={(lifeDomainIds) => setV({ ...v, lifeDomainIds })}
          options={domains.map((d) => ({ value: d.id, label: domainName(d.id) }))} error={feedback.fieldErrors.lifeDomainIds} />}
        {text('targetGroup')}
        {text('postcodes')}
        {text('howToRegister')}
        {text('contact')}
        {text('waitingWeeks')}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={create.isPending}>{t('common.save')}</Button>
          <Button onPress={onDone}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}

function ImportForm({ collaborationId, onDone }: { collaborationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const run = useImportCsv(collaborationId);
  return (
    <form noValidate className={formStyles.form} onSubmit={(e) => { e.preventDefault(); if (csv.trim()) run.mutate(csv); }}>
      {run.isError && <Alert tone="error">{errorText(run.error, t)}{' '}{run.error && 'details' in run.error ? (run.error as { details: { field: string }[] }).details.map((d) => d.field.replace('csv.', '')).join(', ') : ''}</Alert>}
      {run.isSuccess && <Alert tone="success">{t('socialMap.imported', run.data.data)}</Alert>}
      <TextAreaField id="sm-csv" label={t('socialMap.csv')} description={t('socialMap.importHint')} rows={8} value={csv} onChange={setCsv} />
      <div className={formStyles.actions}>
        <Button type="submit" variant="primary" isPending={run.isPending}>{t('socialMap.import')}</Button>
        <Button onPress={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
