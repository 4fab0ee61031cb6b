import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS } from '../../../shared/closure-constants.ts';
import { MEMBER_ROLES } from '../../../shared/roles.ts';
import { ClosureInput, ReopenInput, type Closure, type Handover } from '../../../shared/schemas/closure.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxGroupField } from '../../components/CheckboxGroupField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { familyPaths } from '../families/family-paths.ts';
import { usePlan } from '../families/queries.ts';
import { HandoverForm } from './HandoverForm.tsx';
import { useApproveHandover, useClosure, useCloseTrajectory, useReopenTrajectory } from './queries.ts';

/** Closing the trajectory: a warm handover the family approves, the closing summary it keeps, and reopening. */
export function ClosurePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const family = useFamilyContext();
  const overview = useClosure(family.id);
  const plan = usePlan(family.id);
  const [preparing, setPreparing] = useState(false);
  const isCoach = family.myRole === 'coach';
  const isParent = family.myRole === 'parent';
  const domainName = (id: string | undefined) => {
    const d = plan.data?.lifeDomains.find((x) => x.id === id);
    return d ? (locale === 'en' ? d.labelEn : d.labelNl) : '';
  };
  if (overview.isPending || plan.isPending) return <Loading />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} isRetrying={overview.isFetching} />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} isRetrying={plan.isFetching} />;
  const { current, handovers } = overview.data;
  const approved = handovers.filter((h) => h.status === 'approved');
  return (
    <>
      <PageHeader title={t('closure.title')} context={family.displayName} intro={t(current ? 'closure.introClosed' : 'closure.intro')} />
      {current && <ClosedNotice closure={current} />}
      <p>
        <a href={familyPaths.filePdf(family.id, locale)} download>{t('closure.download.pdf')}</a>{' · '}
        <a href={familyPaths.json(family.id)} download>{t('closure.download.json')}</a>{' · '}
        <a href={familyPaths.fhir(family.id)} download>{t('closure.download.fhir')}</a>
      </p>

      <section aria-labelledby="handovers-title">
        <h2 id="handovers-title">{t('closure.handovers.title')}</h2>
        {handovers.length === 0 && <p>{t('closure.handovers.none')}</p>}
        <ul className={formStyles.form}>
          {handovers.map((h) => (
            <li key={h.id}>
              <h3>{h.service} ({h.organisation})</h3>
              <p>{t('closure.handovers.contact', { name: h.contactName, email: h.contactEmail })}</p>
              <p>{h.note}</p>
              <p><strong>{t(`closure.handovers.status.${h.status}`)}</strong>
                {h.status === 'approved' && ` – ${t('closure.handovers.shared', { parts: (h.approvedShares ?? []).map((s) => domainName(s.lifeDomainId)).join(', ') || t('closure.handovers.nothing') })}`}
                {h.approvedByName && ` – ${t('closure.handovers.approvedBy', { name: h.approvedByName })}`}
                {h.onBehalfOfName && ` (${t('closure.handovers.onBehalfOf')})`}</p>
              {h.status === 'approved' && <p><a href={familyPaths.handoverFhir(family.id, h.id)} download>{t('closure.handovers.fhir')}</a></p>}
              {h.status === 'proposed' && !current && (isParent || isCoach) && <ApproveHandover familyId={family.id} handover={h} plan={plan.data} asCoach={isCoach} domainName={domainName} />}
            </li>
          ))}
        </ul>
        {isCoach && !current && !preparing && <Button onPress={() => setPreparing(true)}>{t('closure.handovers.prepare')}</Button>}
        {isCoach && !current && preparing && <HandoverForm familyId={family.id} collaborationId={family.collaborationId} plan={plan.data} onDone={() => setPreparing(false)} />}
      </section>

      {isCoach && !current && <CloseForm key={approved.map((h) => h.id).join()} familyId={family.id} plan={plan.data} handovers={approved} />}
      {isCoach && current && <ReopenForm familyId={family.id} closure={current} />}
    </>
  );
}

function ClosedNotice({ closure }: { closure: Closure }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="closed-title">
      <h2 id="closed-title">{t('closure.closedTitle', { date: new Date(closure.closedAt).toLocaleDateString(locale) })}</h2>
      <p>{closure.summary}</p>
      <p>{t(`closure.reasons.${closure.reason}`)}{closure.reasonNote ? `: ${closure.reasonNote}` : ''} · {t('closure.duration', { count: closure.durationDays })}</p>
      {closure.familyReadsUntil && <Alert tone="info">{t('closure.readOnly', { date: new Date(closure.familyReadsUntil).toLocaleDateString(locale) })}</Alert>}
    </section>
  );
}

function ApproveHandover({ familyId, handover, plan, asCoach, domainName }: { familyId: string; handover: Handover; plan: Plan; asCoach: boolean; domainName: (id: string | undefined) => string }) {
  const { t } = useTranslation();
  const idFor = formIds(`approve-${handover.id}`);
  const feedback = useFormFeedback(['shares', 'onBehalfOfParticipantId']);
  const approve = useApproveHandover(familyId);
  const keyOf = (s: Handover['proposedShares'][number]) => s.lifeDomainId ?? `${s.itemType}:${s.itemId}`;
  const [chosen, setChosen] = useState<string[]>(handover.proposedShares.map(keyOf));
  const parents = plan.participants.filter((p) => p.role === 'parent');
  const [parent, setParent] = useState(parents[0]?.id ?? '');
  const label = (f: string) => t(`closure.approve.${f}` as 'closure.approve.shares');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = { shares: handover.proposedShares.filter((s) => chosen.includes(keyOf(s))), ...(asCoach && { onBehalfOfParticipantId: parent || null }) };
    if (!approve.isPending) approve.mutate({ handover, body }, { onError: feedback.showError });
  };
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form} aria-label={t('closure.approve.title')}>
        <CheckboxGroupField id={idFor('shares')} label={label('shares')} value={chosen} onChange={setChosen}
          options={handover.proposedShares.map((s) => ({ value: keyOf(s), label: domainName(s.lifeDomainId) || t('closure.approve.oneItem') }))} error={feedback.fieldErrors.shares} />
        {asCoach && <SelectField id={idFor('onBehalfOfParticipantId')} label={label('onBehalfOfParticipantId')} value={parent} onChange={setParent}
          options={parents.map((p) => ({ value: p.id, label: p.displayName }))} error={feedback.fieldErrors.onBehalfOfParticipantId} />}
        <div className={formStyles.actions}><Button type="submit" variant="primary" isPending={approve.isPending}>{t('closure.approve.submit')}</Button></div>
      </form>
    </>
  );
}

const CLOSE_FIELDS = ['reason', 'reasonNote', 'summary', 'closingConversationOn', 'closingConversationParticipantIds', 'handoverId'] as const;

function CloseForm({ familyId, plan, handovers }: { familyId: string; plan: Plan; handovers: Handover[] }) {
  const { t } = useTranslation();
  const idFor = formIds('closure');
  const feedback = useFormFeedback(CLOSE_FIELDS);
  const close = useCloseTrajectory(familyId);
  const [v, setV] = useState({ reason: '', reasonNote: '', summary: '', closingConversationOn: '', closingConversationParticipantIds: [] as string[], handoverId: handovers[0]?.id ?? 'none' });
  const members = plan.participants.filter((p) => (MEMBER_ROLES as readonly string[]).includes(p.role) || p.role === 'coach');
  const label = (f: string) => t(`closure.fields.${f}` as 'closure.fields.reason');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = feedback.validate(ClosureInput, {
      ...v, reason: v.reason || undefined, closingConversationOn: v.closingConversationOn || null, handoverId: v.handoverId === 'none' ? null : v.handoverId,
    });
    if (body && !close.isPending) close.mutate(body, { onError: feedback.showError });
  };
  return (
    <section aria-labelledby="close-title">
      <h2 id="close-title">{t('closure.close')}</h2>
      <p>{t('closure.closeHint')}</p>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <RadioGroupField id={idFor('reason')} label={label('reason')} value={v.reason || null} onChange={(reason) => setV({ ...v, reason })}
          options={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`closure.reasons.${r}`) }))} error={feedback.fieldErrors.reason} />
        <TextField id={idFor('reasonNote')} label={label('reasonNote')} optional value={v.reasonNote} onChange={(reasonNote) => setV({ ...v, reasonNote })} error={feedback.fieldErrors.reasonNote} />
        <TextAreaField id={idFor('summary')} label={label('summary')} description={t('closure.summaryHint')} rows={5} value={v.summary} onChange={(summary) => setV({ ...v, summary })} error={feedback.fieldErrors.summary} />
        <TextField id={idFor('closingConversationOn')} type="date" label={label('closingConversationOn')} optional value={v.closingConversationOn} onChange={(closingConversationOn) => setV({ ...v, closingConversationOn })} error={feedback.fieldErrors.closingConversationOn} />
        <CheckboxGroupField id={idFor('closingConversationParticipantIds')} label={label('closingConversationParticipantIds')} value={v.closingConversationParticipantIds}
          onChange={(ids) => setV({ ...v, closingConversationParticipantIds: ids })} options={members.map((m) => ({ value: m.id, label: m.displayName }))} error={feedback.fieldErrors.closingConversationParticipantIds} />
        <SelectField id={idFor('handoverId')} label={label('handoverId')} value={v.handoverId} onChange={(handoverId) => setV({ ...v, handoverId })}
          options={[{ value: 'none', label: t('closure.noHandover') }, ...handovers.map((h) => ({ value: h.id, label: `${h.service} (${h.organisation})` }))]} error={feedback.fieldErrors.handoverId} />
        <div className={formStyles.actions}><Button type="submit" variant="primary" isPending={close.isPending}>{t('closure.closeSubmit')}</Button></div>
      </form>
    </section>
  );
}

function ReopenForm({ familyId, closure }: { familyId: string; closure: Closure }) {
  const { t } = useTranslation();
  const idFor = formIds('reopen');
  const feedback = useFormFeedback(['reason']);
  const reopen = useReopenTrajectory(familyId);
  const [reason, setReason] = useState('');
  const label = () => t('closure.reopenReason');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = feedback.validate(ReopenInput, { reason });
    if (body && !reopen.isPending) reopen.mutate({ closure, body }, { onError: feedback.showError });
  };
  return (
    <section aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t('closure.reopen')}</h2>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextAreaField id={idFor('reason')} label={label()} rows={2} value={reason} onChange={setReason} error={feedback.fieldErrors.reason} />
        <div className={formStyles.actions}><Button type="submit" isPending={reopen.isPending}>{t('closure.reopenSubmit')}</Button></div>
      </form>
    </section>
  );
}
