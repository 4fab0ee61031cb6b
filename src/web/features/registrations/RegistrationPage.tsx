import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FAMILY_LANGUAGES, type Registration, type RegistrationStatus } from '../../../shared/schemas/registrations.ts';
import type { ApiResult } from '../../app/api.ts';
import { isApiError } from '../../app/api.ts';
import { useCollaborationId, useCurrentUser } from '../../app/guards.tsx';
import { useCollaborationName } from '../../app/collaborations.ts';
import { canCoordinate } from '../../app/permissions.ts';
import { paths } from '../../app/paths.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { errorText } from '../../components/error-text.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useRegistration, useRegistrationAction, useRoutingCollaborations } from './queries.ts';
import { AssignCoachesForm, FirstContactForm, OutcomeForm } from './RegistrationDialogs.tsx';
import { TimingBadges } from './TimingBadges.tsx';
import { formatDate } from './format.ts';
import styles from './Registrations.module.css';

type Open = 'assign' | 'firstContact' | 'outcome' | 'forward' | null;

export function RegistrationPage() {
  const { t } = useTranslation();
  const collaborationId = useCollaborationId();
  const { id = '' } = useParams();
  const registration = useRegistration(collaborationId, id);
  const name = useCollaborationName(collaborationId);

  if (registration.isPending) return <Loading />;
  if (registration.isError) {
    if (isApiError(registration.error) && registration.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={t('registrationDetail.title')} context={name} />
        <ErrorState error={registration.error} onRetry={() => void registration.refetch()} isRetrying={registration.isFetching} />
      </>
    );
  }
  return <RegistrationView loaded={registration.data} reload={() => void registration.refetch()} isReloading={registration.isFetching} />;
}

function RegistrationView({ loaded, reload, isReloading }: { loaded: ApiResult<Registration>; reload: () => void; isReloading: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const collaborationId = useCollaborationId();
  const name = useCollaborationName(collaborationId);
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const r = loaded.data;
  const coordinator = canCoordinate(me, collaborationId);
  const assigned = r.coaches.some((c) => c.userId === me.user.id);
  const isOpen = r.status === 'new' || r.status === 'first_contact';
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : '—');

  const dialogProps = {
    collaborationId,
    loaded,
    onCancel: () => setOpen(null),
    onDone: (message: string) => {
      setOpen(null);
      setStatus(message);
    },
    onStale: () => {
      setOpen(null);
      setStale(true);
    },
  };

  const canAct = coordinator || assigned;
  const actions: { key: Exclude<Open, null>; label: string; show: boolean; primary?: boolean }[] = [
    { key: 'firstContact', label: t('registrationDetail.firstContact.open'), show: canAct && r.status === 'new', primary: true },
    { key: 'outcome', label: t('registrationDetail.outcome.open'), show: canAct && r.status === 'first_contact', primary: true },
    { key: 'assign', label: r.coaches.length > 0 ? t('registrationDetail.assign.change') : t('registrationDetail.assign.open'), show: coordinator && isOpen },
    { key: 'forward', label: t('registrationDetail.forward.open'), show: coordinator && isOpen },
  ];
  const shown = actions.filter((a) => a.show);

  return (
    <>
      <p>
        <Link to={paths.registrations(collaborationId)}>
          <span aria-hidden="true">← </span>
          {coordinator ? t('registrationDetail.back') : t('registrationDetail.backCoach')}
        </Link>
      </p>
      <PageHeader title={r.familyName} context={name} intro={r.kind === 'consultation' ? t('registrationDetail.introConsultation') : t('registrationDetail.intro')} />
      <p>
        <strong>{t(`registrationStatuses.${r.status as RegistrationStatus}`)}</strong>
        <TimingBadges registration={r} />
      </p>
      {status && <Alert tone="success">{status}</Alert>}
      {stale && (
        <Alert
          tone="error"
          actions={
            <Button
              variant="primary"
              isPending={isReloading}
              onPress={() => {
                setStale(false);
                setStatus(null);
                reload();
              }}
            >
              {t('registrationDetail.reload')}
            </Button>
          }
        >
          {t('registrationDetail.stale')}
        </Alert>
      )}

      {shown.length > 0 && (
        <section className={styles.section} aria-labelledby="registration-actions">
          <h2 id="registration-actions">{t('registrationDetail.actions')}</h2>
          <div className={styles.actions}>
            {shown.map((a) => (
              <Button key={a.key} variant={a.primary ? 'primary' : 'secondary'} onPress={() => setOpen(a.key)}>
                {a.label}
              </Button>
            ))}
          </div>
        </section>
      )}

      <Details title={t('registrationDetail.sections.timing')}>
        <Row label={t('registrationDetail.kind')}>{r.kind === 'consultation' ? t('register.kind.consultation') : t('register.kind.family')}</Row>
        <Row label={t('registrationDetail.receivedAt')}>
          {date(r.receivedAt)} ({t('registrations.days', { count: r.daysSince })})
        </Row>
        <Row label={t('registrations.dueBy')}>{date(r.firstContactDueBy)}</Row>
        <Row label={t('registrations.coaches')}>{r.coaches.length > 0 ? r.coaches.map((c) => c.name).join(', ') : t('registrations.noCoach')}</Row>
        <Row label={t('registrationDetail.firstContactAt')}>
          {r.firstContactAt ? `${date(r.firstContactAt)}${r.firstContactMethod ? ` (${t(`firstContactMethods.${r.firstContactMethod}`)})` : ''}` : t('registrationDetail.notYet')}
        </Row>
        {r.urgent && <Row label={t('registrations.urgent')}>{t('registrationDetail.urgentYes')}</Row>}
        {r.forwardedFrom && <Row label={t('registrationDetail.forwardedFrom')}>{r.forwardedFrom}</Row>}
        {r.closedReason && <Row label={t('registrationDetail.closedReason')}>{r.closedReason}</Row>}
        {r.warmReferralTo && <Row label={t('registrationDetail.warmReferralTo')}>{r.warmReferralTo}</Row>}
      </Details>

      <Details title={t('registrationDetail.sections.question')}>
        <Row label={t('registrationDetail.reasons')}>{r.reasons.map((reason) => t(`registrationReasons.${reason}`)).join(', ')}</Row>
        <Row label={t('registrationDetail.question')}>{r.question}</Row>
        <Row label={t('register.network.helpers')}>{r.helpersInvolved ?? '—'}</Row>
        <Row label={t('register.network.informal')}>{r.networkInvolved ?? '—'}</Row>
      </Details>

      <Details title={t('registrationDetail.sections.family')}>
        <Row label={t('register.family.name')}>{r.familyName}</Row>
        <Row label={t('registrations.municipality')}>
          {r.postcode} {r.municipality}
        </Row>
        <Row label={t('register.family.phone')}>{r.familyPhone ?? '—'}</Row>
        <Row label={t('register.family.email')}>{r.familyEmail ?? '—'}</Row>
        <Row label={t('register.family.language')}>
          {(FAMILY_LANGUAGES as readonly string[]).includes(r.familyLanguage) ? t(`familyLanguages.${r.familyLanguage as FamilyLanguageKey}`) : r.familyLanguage}
        </Row>
        <Row label={t('register.children.title')}>
          {r.children.length > 0 ? r.children.map((c) => t('registrationDetail.child', { name: c.firstName, year: c.birthYear })).join('\n') : '—'}
        </Row>
      </Details>

      <Details title={t('registrationDetail.sections.referrer')}>
        <Row label={t('register.referrer.type')}>{t(`referrerTypes.${r.referrerType}`)}</Row>
        <Row label={t('register.referrer.name')}>{r.referrerName}</Row>
        <Row label={t('register.referrer.organisation')}>{r.referrerOrganisation ?? '—'}</Row>
        <Row label={t('register.referrer.email')}>{r.referrerEmail ?? '—'}</Row>
        <Row label={t('register.referrer.phone')}>{r.referrerPhone ?? '—'}</Row>
      </Details>

      <FormDialog isOpen={open === 'assign'} onClose={() => setOpen(null)} title={t('registrationDetail.assign.title', { name: r.familyName })}>
        {open === 'assign' && <AssignCoachesForm {...dialogProps} />}
      </FormDialog>
      <FormDialog isOpen={open === 'firstContact'} onClose={() => setOpen(null)} title={t('registrationDetail.firstContact.title', { name: r.familyName })}>
        {open === 'firstContact' && <FirstContactForm {...dialogProps} />}
      </FormDialog>
      <FormDialog isOpen={open === 'outcome'} onClose={() => setOpen(null)} title={t('registrationDetail.outcome.title', { name: r.familyName })}>
        {open === 'outcome' && <OutcomeForm {...dialogProps} />}
      </FormDialog>
      {open === 'forward' && (
        <ForwardDialog
          loaded={loaded}
          collaborationId={collaborationId}
          onCancel={() => setOpen(null)}
          onStale={dialogProps.onStale}
          onDone={(to) => void navigate(paths.registrations(collaborationId), { state: { flash: t('registrationDetail.forward.done', { name: r.familyName, to }) } })}
        />
      )}
    </>
  );
}

type FamilyLanguageKey = (typeof FAMILY_LANGUAGES)[number];

function Details({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={styles.section}>
      <h2>{title}</h2>
      <dl className={styles.details}>{children}</dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface ForwardDialogProps {
  loaded: ApiResult<Registration>;
  collaborationId: string;
  onCancel: () => void;
  onStale: () => void;
  onDone: (collaborationName: string) => void;
}

function ForwardDialog({ loaded, collaborationId, onCancel, onStale, onDone }: ForwardDialogProps) {
  const { t } = useTranslation();
  const collaborations = useRoutingCollaborations();
  const action = useRegistrationAction(collaborationId, loaded);
  const [target, setTarget] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const others = (collaborations.data ?? []).filter((c) => c.id !== collaborationId);

  const confirm = () => {
    if (!target) {
      setMissing(true);
      return;
    }
    action.mutate(
      { kind: 'forward', body: { collaborationId: target } },
      {
        onSuccess: () => onDone(others.find((c) => c.id === target)?.name ?? ''),
        onError: (error) => {
          if (isApiError(error, 'precondition_failed') || isApiError(error, 'registration_state')) onStale();
        },
      },
    );
  };

  return (
    <ConfirmDialog
      isOpen
      title={t('registrationDetail.forward.title', { name: loaded.data.familyName })}
      confirmLabel={t('registrationDetail.forward.confirm')}
      tone="primary"
      onConfirm={confirm}
      onCancel={onCancel}
      isPending={action.isPending}
      error={action.isError ? errorText(action.error, t) : null}
    >
      <p>{t('registrationDetail.forward.body')}</p>
      {collaborations.isPending && <Loading />}
      {collaborations.isError && <ErrorState error={collaborations.error} onRetry={() => void collaborations.refetch()} isRetrying={collaborations.isFetching} />}
      {collaborations.isSuccess && (
        <RadioGroupField
          id="forward-collaboration"
          label={t('registrationDetail.forward.label')}
          value={target}
          onChange={(value) => {
            setTarget(value);
            setMissing(false);
          }}
          error={missing ? t('registrationDetail.forward.missing') : undefined}
          options={others.map((c) => ({ value: c.id, label: c.name }))}
        />
      )}
    </ConfirmDialog>
  );
}
