import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Advice, TeamCase, TeamCaseDraft, TeamCaseInput, TeamMeeting, TeamMeetingInput, type TeamCase as TeamCaseT } from '../../../shared/schemas/team-cases.ts';
import { apiRequest } from '../../app/api.ts';
import { useCurrentUser } from '../../app/guards.tsx';
import { canCoordinate } from '../../app/permissions.ts';
import { randomUuid } from '../../app/uuid.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useWorkspace } from '../workspace/WorkspaceSection.tsx';

const meetingsKey = (collaborationId: string) => ['team-meetings', collaborationId] as const;

/** The team's weekly case discussion: meetings, anonymised cases, advice. */
export function TeamPage() {
  const { t } = useTranslation();
  const { collaborationId = '' } = useParams();
  const me = useCurrentUser();
  const meetings = useQuery({ queryKey: meetingsKey(collaborationId), queryFn: async () => (await apiRequest(`/collaborations/${collaborationId}/team-meetings`, { schema: z.object({ items: z.array(TeamMeeting) }) })).data.items });
  const isCoordinator = canCoordinate(me, collaborationId);
  const isCoach = me.memberships.some((m) => m.collaborationId === collaborationId && m.roles.includes('coach'));
  return (
    <>
      <PageHeader title={t('team.title')} intro={t('team.intro')} />
      {isCoordinator && <MeetingForm collaborationId={collaborationId} />}
      {isCoach && meetings.data && <CaseForm collaborationId={collaborationId} meetings={meetings.data} />}
      {meetings.isPending && <Loading />}
      {meetings.isError && <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} isRetrying={meetings.isFetching} />}
      {meetings.data?.length === 0 && <EmptyState title={t('team.empty.title')}>{t('team.empty.body')}</EmptyState>}
      {meetings.data?.map((m) => (
        <section key={m.id} aria-labelledby={`meeting-${m.id}`}>
          <h2 id={`meeting-${m.id}`}>{m.title} · {m.heldOn}</h2>
          {m.notes && <p>{t('team.notes')}: {m.notes}</p>}
          {m.followUp && <p>{t('team.followUp')}: {m.followUp}</p>}
          {m.cases.length === 0 ? <p>{t('team.noCases')}</p> : m.cases.map((c) => <CaseCard key={c.id} collaborationId={collaborationId} teamCase={c} />)}
        </section>
      ))}
    </>
  );
}

function MeetingForm({ collaborationId }: { collaborationId: string }) {
  const { t } = useTranslation();
  const idFor = formIds('meeting');
  const feedback = useFormFeedback(['heldOn', 'title', 'notes', 'followUp']);
  const queryClient = useQueryClient();
  const [v, setV] = useState({ heldOn: '', title: '', notes: '', followUp: '' });
  const save = useMutation({
    mutationFn: async (body: unknown) => (await apiRequest(`/collaborations/${collaborationId}/team-meetings`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: TeamMeeting })).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingsKey(collaborationId) }),
  });
  const label = (f: string) => t(`team.fields.${f}` as 'team.fields.title');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = feedback.validate(TeamMeetingInput, v);
    if (body && !save.isPending) save.mutate(body, { onSuccess: () => setV({ heldOn: '', title: '', notes: '', followUp: '' }), onError: feedback.showError });
  };
  return (
    <details>
      <summary>{t('team.prepare')}</summary>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextField id={idFor('heldOn')} type="date" label={label('heldOn')} value={v.heldOn} onChange={(heldOn) => setV({ ...v, heldOn })} error={feedback.fieldErrors.heldOn} />
        <TextField id={idFor('title')} label={label('title')} value={v.title} onChange={(title) => setV({ ...v, title })} error={feedback.fieldErrors.title} />
        <TextAreaField id={idFor('notes')} label={label('notes')} optional rows={2} value={v.notes} onChange={(notes) => setV({ ...v, notes })} error={feedback.fieldErrors.notes} />
        <TextAreaField id={idFor('followUp')} label={label('followUp')} optional rows={2} value={v.followUp} onChange={(followUp) => setV({ ...v, followUp })} error={feedback.fieldErrors.followUp} />
        <div className={formStyles.actions}><Button type="submit" variant="primary" isPending={save.isPending}>{t('team.save')}</Button></div>
      </form>
    </details>
  );
}

const CASE_FIELDS = ['familyId', 'meetingId', 'title', 'question', 'summary'] as const;

function CaseForm({ collaborationId, meetings }: { collaborationId: string; meetings: TeamMeeting[] }) {
  const { t } = useTranslation();
  const idFor = formIds('case');
  const feedback = useFormFeedback(CASE_FIELDS);
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  const families = (workspace.data?.families ?? []).filter((f) => f.collaborationId === collaborationId);
  const [v, setV] = useState({ familyId: '', meetingId: meetings[0]?.id ?? '', title: '', question: '', summary: '' });
  const [done, setDone] = useState(false);
  const draft = useMutation({ mutationFn: async (familyId: string) => (await apiRequest(`/families/${familyId}/team-case-draft`, { method: 'POST', schema: TeamCaseDraft })).data });
  const save = useMutation({
    mutationFn: async (body: unknown) => (await apiRequest('/team-cases', { method: 'POST', body, idempotencyKey: randomUuid(), schema: TeamCase })).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingsKey(collaborationId) }),
  });
  const label = (f: string) => t(`team.caseFields.${f}` as 'team.caseFields.title');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const body = feedback.validate(TeamCaseInput, { ...v, familyId: v.familyId || undefined, meetingId: v.meetingId || null });
    if (body && !save.isPending) save.mutate(body, { onSuccess: () => { setDone(true); setV({ ...v, title: '', question: '', summary: '' }); }, onError: feedback.showError });
  };
  return (
    <details>
      <summary>{t('team.bring')}</summary>
      <p>{t('team.bringHint')}</p>
      {done && <p role="status">{t('team.shared')}</p>}
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <SelectField id={idFor('familyId')} label={label('familyId')} value={v.familyId || null} onChange={(familyId) => setV({ ...v, familyId })}
          options={families.map((f) => ({ value: f.id, label: f.displayName }))} error={feedback.fieldErrors.familyId} />
        <Button isDisabled={!v.familyId} isPending={draft.isPending} onPress={() => draft.mutate(v.familyId, { onSuccess: (d) => setV((cur) => ({ ...cur, summary: d.summary })) })}>{t('team.makeSummary')}</Button>
        <SelectField id={idFor('meetingId')} label={label('meetingId')} value={v.meetingId || null} onChange={(meetingId) => setV({ ...v, meetingId })}
          options={meetings.map((m) => ({ value: m.id, label: `${m.title} · ${m.heldOn}` }))} error={feedback.fieldErrors.meetingId} />
        <TextField id={idFor('title')} label={label('title')} description={t('team.titleHint')} value={v.title} onChange={(title) => setV({ ...v, title })} error={feedback.fieldErrors.title} />
        <TextAreaField id={idFor('question')} label={label('question')} rows={3} value={v.question} onChange={(question) => setV({ ...v, question })} error={feedback.fieldErrors.question} />
        <TextAreaField id={idFor('summary')} label={label('summary')} rows={5} value={v.summary} onChange={(summary) => setV({ ...v, summary })} error={feedback.fieldErrors.summary} />
        <div className={formStyles.actions}><Button type="submit" variant="primary" isPending={save.isPending}>{t('team.share')}</Button></div>
      </form>
    </details>
  );
}

function CaseCard({ collaborationId, teamCase: c }: { collaborationId: string; teamCase: TeamCaseT }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const feedback = useFormFeedback(['text']);
  const add = useMutation({
    mutationFn: async (body: unknown) => (await apiRequest(`/team-cases/${c.id}/advice`, { method: 'POST', body, idempotencyKey: randomUuid(), schema: Advice })).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingsKey(collaborationId) }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = feedback.validate(z.object({ text: z.string().trim().min(1).max(4000) }), { text });
    if (body && !add.isPending) add.mutate(body, { onSuccess: () => setText(''), onError: feedback.showError });
  };
  return (
    <article aria-labelledby={`case-${c.id}`}>
      <h3 id={`case-${c.id}`}>{c.title}</h3>
      <p>{t('team.presentedBy', { name: c.presentedByName })}{c.family && ` · ${t('team.yourFamily', { name: c.family.displayName })}`}</p>
      <p><strong>{t('team.caseFields.question')}:</strong> {c.question}</p>
      <p>{c.summary}</p>
      <h4>{t('team.advice')}</h4>
      {c.advice.length === 0 ? <p>{t('team.noAdvice')}</p> : <ul>{c.advice.map((a) => <li key={a.id}>{a.authorName}: {a.text}</li>)}</ul>}
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <TextAreaField id={`advice-${c.id}`} label={t('team.addAdvice')} rows={2} value={text} onChange={setText} error={feedback.fieldErrors.text} />
        <div className={formStyles.actions}><Button type="submit" isPending={add.isPending}>{t('team.sendAdvice')}</Button></div>
      </form>
    </article>
  );
}
