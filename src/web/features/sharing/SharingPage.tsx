import { createContext, useContext, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentInput, type ConsentGrant, type ConsentLevel, type SharingOverview, type SharingPerson } from '../../../shared/schemas/sharing.ts';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { formIds } from '../../components/form-ids.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFormFeedback } from '../../components/useFormFeedback.ts';
import formStyles from '../../components/Form.module.css';
import { useLocale } from '../../i18n/i18n.ts';
import type { Locale } from '../../../shared/locales.ts';
import { PICTOGRAMS } from '../../../shared/pictograms.ts';
import type { LifeDomain } from '../../../shared/schemas/collaborations.ts';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { useMembers } from '../families/queries.ts';
import { useApprove, useGrant, useRevoke, useSharing } from './queries.ts';
import { dateLabel, grantsFor, lastDay, topicKey, type Topic, type TopicGrants } from './sharing-format.ts';
import familyStyles from '../families/Family.module.css';
import styles from './Sharing.module.css';

type Choice = 'none' | ConsentLevel;
const PROPOSAL = 'proposal';

interface Editing {
  person: SharingPerson;
  topic: Topic;
  grants: TopicGrants;
  /** The young person who decides about this item, if it is about one. */
  youngPersonId: string | null;
}

/** Who is looking at the screen, and the names of family members (the young people who decide themselves). */
const Viewer = createContext<{ myParticipantId: string | null; nameOf: (participantId: string) => string | undefined }>({
  myParticipantId: null, nameOf: () => undefined,
});

/** Who sees what: per person, per topic (life domains, and single items below them). The family decides. */
export function SharingPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const family = useFamilyContext();
  const overview = useSharing(family.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [stopping, setStopping] = useState<{ grant: ConsentGrant; person: string; topic: string } | null>(null);
  const [done, setDone] = useState('');
  const revoke = useRevoke(family.id);
  // Kept here, not in the proposal's card: the card is gone once the approved proposal leaves the list.
  const approve = useApprove(family.id, (grant) => {
    const topic = (overview.data && topicLabelOf(overview.data, grant, locale)) ?? t('sharing.someTopic');
    setDone(t('sharing.approved', { name: grant.participantName, topic }));
  });
  const members = useMembers(family.id);

  if (overview.isPending) return <Loading />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} isRetrying={overview.isFetching} />;
  const data = overview.data;
  const topicName = (g: ConsentGrant) => topicLabelOf(data, g, locale) ?? t('sharing.someTopic');
  const proposals = data.grants.filter((g) => g.status === 'proposed');

  const confirmStop = () => {
    if (!stopping) return;
    revoke.mutate(stopping.grant, {
      onSuccess: () => {
        setDone(stopping.grant.status === 'proposed' ? t('sharing.declined', { name: stopping.person, topic: stopping.topic }) : t('sharing.stopped', { name: stopping.person, topic: stopping.topic }));
        setStopping(null);
      },
    });
  };
  const askStop = (grant: ConsentGrant) => {
    revoke.reset();
    setStopping({ grant, person: grant.participantName, topic: topicName(grant) });
  };

  const viewer = {
    myParticipantId: family.myParticipantId,
    nameOf: (id: string) => members.data?.find((m) => m.id === id)?.displayName ?? data.people.find((p) => p.participantId === id)?.displayName,
  };

  return (
    <Viewer.Provider value={viewer}>
      <PageHeader title={t('sharing.title')} context={family.displayName} intro={data.mayDecide ? t('sharing.introDecide') : t('sharing.introPropose')} />
      {done && <Alert tone="success">{done}</Alert>}

      {proposals.length > 0 && (
        <section className={familyStyles.section} aria-labelledby="sharing-proposals">
          <h2 id="sharing-proposals">{t('sharing.proposals.title')}</h2>
          <ul className={familyStyles.items}>
            {proposals.map((g) => (
              <li key={g.id} className={`${familyStyles.item} ${styles.proposal}`}>
                <ProposalCard grant={g} topic={topicName(g)} approve={approve} onDecline={() => askStop(g)} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={familyStyles.section} aria-labelledby="sharing-people">
        <h2 id="sharing-people">{t('sharing.people')}</h2>
        {data.people.length === 0 ? (
          <EmptyState title={t('sharing.noPeople.title')}>{t('sharing.noPeople.body')}</EmptyState>
        ) : (
          <ul className={styles.people}>
            {data.people.map((person) => (
              <li key={person.participantId} className={familyStyles.card}>
                <PersonCard
                  data={data}
                  person={person}
                  onEdit={(topic, grants, youngPersonId) => setEditing({ person, topic, grants, youngPersonId })}
                  onStop={askStop}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <FormDialog isOpen={editing !== null} onClose={() => setEditing(null)} title={editing ? t('sharing.dialog.title', { name: editing.person.displayName, topic: editing.topic.label }) : ''}>
        {editing && (
          <ShareForm
            familyId={family.id}
            data={data}
            editing={editing}
            onDone={(text) => { setDone(text); setEditing(null); }}
            onStop={(grant) => { setEditing(null); askStop(grant); }}
            onCancel={() => setEditing(null)}
          />
        )}
      </FormDialog>

      <ConfirmDialog
        isOpen={stopping !== null}
        title={stopping?.grant.status === 'proposed' ? t('sharing.decline.title') : t('sharing.stop.title')}
        confirmLabel={stopping?.grant.status === 'proposed' ? t('sharing.decline.confirm') : t('sharing.stop.confirm')}
        onConfirm={confirmStop}
        onCancel={() => { revoke.reset(); setStopping(null); }}
        isPending={revoke.isPending}
        error={revoke.isError ? errorText(revoke.error, t) : null}
      >
        <p>
          {stopping?.grant.status === 'proposed'
            ? t('sharing.decline.body', { name: stopping.person, topic: stopping.topic })
            : t('sharing.stop.body', { name: stopping?.person ?? '', topic: stopping?.topic ?? '' })}
        </p>
      </ConfirmDialog>
    </Viewer.Provider>
  );
}

const domainName = (d: LifeDomain, locale: Locale) => (locale === 'en' ? d.labelEn : d.labelNl);

function topicLabelOf(data: SharingOverview, g: Pick<ConsentGrant, 'lifeDomainId' | 'itemId'>, locale: Locale): string | null {
  if (g.itemId) return data.items.find((i) => i.id === g.itemId)?.label ?? null;
  const domain = data.lifeDomains.find((d) => d.id === g.lifeDomainId);
  return domain ? domainName(domain, locale) : null;
}

function PersonCard({ data, person, onEdit, onStop }: {
  data: SharingOverview;
  person: SharingPerson;
  onEdit: (topic: Topic, grants: TopicGrants, youngPersonId: string | null) => void;
  onStop: (grant: ConsentGrant) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `person-${person.participantId}`;
  const row = (topic: Topic, youngPersonId: string | null) => (
    <TopicRow key={topicKey(topic)} data={data} person={person} topic={topic} youngPersonId={youngPersonId} onEdit={onEdit} onStop={onStop} />
  );
  const loose = data.items.filter((i) => !i.lifeDomainId || !data.lifeDomains.some((d) => d.id === i.lifeDomainId));
  const mine = data.grants.filter((g) => g.participantId === person.participantId);
  const shared = mine.filter((g) => g.status === 'active');
  const waiting = mine.length - shared.length;
  // One person open at a time keeps a long list short on a phone; the summary says what each sees.
  const [open, setOpen] = useState(false);
  const topicsId = `topics-${person.participantId}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{person.displayName}</h3>
      <p className={familyStyles.meta}>
        <span>{t(`sharing.roles.${person.role}`)}</span>
        {person.relation && <span>{person.relation}</span>}
      </p>
      <p>
        {shared.length === 0
          ? t('sharing.sharesNothing')
          : t('sharing.seesNow', { topics: shared.map((g) => `${topicLabelOf(data, g, locale) ?? t('sharing.someTopic')} (${t(`sharing.level.${g.level}`).toLocaleLowerCase()})`).join(', ') })}
        {waiting > 0 && <> <Badge tone="warning">{t('sharing.waitingCount', { count: waiting })}</Badge></>}
      </p>
      {!person.hasAccount && <p className={familyStyles.muted}>{t('sharing.noAccount', { name: person.displayName })}</p>}
      <Button aria-expanded={open} aria-controls={open ? topicsId : undefined} onPress={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▴ ' : '▾ '}</span>
        {t('sharing.choose', { name: person.displayName })}
      </Button>
      {open && <ul id={topicsId} className={styles.topics} aria-label={t('sharing.topicsFor', { name: person.displayName })}>
        {data.lifeDomains.map((domain) => {
          const items = data.items.filter((i) => i.lifeDomainId === domain.id);
          const name = domainName(domain, locale);
          return (
            <li key={domain.id}>
              {row({ kind: 'domain', lifeDomainId: domain.id, label: name, symbol: PICTOGRAMS[domain.pictogram] }, null)}
              {items.length > 0 && (
                <details className={styles.details}>
                  <summary>{t('sharing.singleItems', { topic: name, count: items.length })}</summary>
                  <ul className={styles.topics}>
                    {items.map((i) => (
                      <li key={i.id}>{row({ kind: 'item', itemType: i.itemType, itemId: i.id, label: i.label }, i.aboutYoungPersonId)}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
        {loose.length > 0 && (
          <li>
            <details className={styles.details}>
              <summary>{t('sharing.otherItems', { count: loose.length })}</summary>
              <ul className={styles.topics}>
                {loose.map((i) => (
                  <li key={i.id}>{row({ kind: 'item', itemType: i.itemType, itemId: i.id, label: i.label }, i.aboutYoungPersonId)}</li>
                ))}
              </ul>
            </details>
          </li>
        )}
      </ul>}
    </section>
  );
}

function TopicRow({ data, person, topic, youngPersonId, onEdit, onStop }: {
  data: SharingOverview;
  person: SharingPerson;
  topic: Topic;
  youngPersonId: string | null;
  onEdit: (topic: Topic, grants: TopicGrants, youngPersonId: string | null) => void;
  onStop: (grant: ConsentGrant) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const viewer = useContext(Viewer);
  const grants = grantsFor(data.grants, person.participantId, topic);
  // About a young person: they decide themselves; a parent cannot, a coach can still propose.
  const mayChange = !(youngPersonId && data.mayDecide && viewer.myParticipantId !== youngPersonId);
  const { active, proposed } = grants;
  const about = `${topic.label} – ${person.displayName}`;
  // The name starts with the visible words, so speech control finds the button by what it shows.
  const editLabel = active || proposed ? t('common.edit') : t('sharing.share');
  return (
    <div className={active ? `${styles.topic} ${styles.topicShared}` : styles.topic}>
      <p className={styles.topicName}>
        <strong>{topic.kind === 'domain' && topic.symbol && <span aria-hidden="true">{topic.symbol} </span>}{topic.label}</strong>
        <span className={styles.level}>
          {active ? <><span aria-hidden="true">✔ </span>{t(`sharing.level.${active.level}`)}</> : t('sharing.level.none')}
        </span>
      </p>
      {active?.validUntil && <p className={familyStyles.meta}>{t('sharing.until', { date: dateLabel(lastDay(active.validUntil), locale) })}</p>}
      {active && <Decided grant={active} />}
      {proposed && (
        <p>
          <Badge tone="warning">{t('sharing.proposal')}</Badge>{' '}
          {t('sharing.proposalText', { level: t(`sharing.level.${proposed.level}`), by: proposed.grantedByName ?? t('sharing.aCoach') })}
        </p>
      )}
      {youngPersonId && <p className={familyStyles.muted}>{t('sharing.youngPersonDecides', { name: viewer.nameOf(youngPersonId) ?? t('sharing.theYoungPerson') })}</p>}
      {mayChange && <div className={familyStyles.itemActions}>
        <Button variant="quiet" aria-label={`${editLabel}: ${about}`} onPress={() => onEdit(topic, grants, youngPersonId)}>
          {editLabel}
        </Button>
        {active && (
          <Button variant="quiet" aria-label={`${t('sharing.stop.confirm')}: ${about}`} onPress={() => onStop(active)}>
            {t('sharing.stop.confirm')}
          </Button>
        )}
      </div>}
    </div>
  );
}

/** Who decided, when, and for whom a coach recorded it. */
function Decided({ grant }: { grant: ConsentGrant }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const who = grant.approvedByName ?? grant.onBehalfOfName ?? grant.grantedByName;
  const when = dateLabel(grant.approvedAt ?? grant.createdAt, locale);
  return (
    <p className={familyStyles.meta}>
      {who ? t('sharing.decidedBy', { name: who, date: when }) : t('sharing.decidedOn', { date: when })}
      {grant.onBehalfOfName && grant.grantedByName && grant.onBehalfOfName !== grant.grantedByName && (
        <> {t('sharing.recordedBy', { coach: grant.grantedByName, name: grant.onBehalfOfName })}</>
      )}
    </p>
  );
}

function ProposalCard({ grant, topic, approve, onDecline }: {
  grant: ConsentGrant;
  topic: string;
  approve: ReturnType<typeof useApprove>;
  onDecline: () => void;
}) {
  const { t } = useTranslation();
  const about = `${topic} – ${grant.participantName}`;
  return (
    <>
      <p className={familyStyles.itemText}>
        {t('sharing.proposals.text', { by: grant.grantedByName ?? t('sharing.aCoach'), name: grant.participantName, level: t(`sharing.level.${grant.level}`), topic })}
      </p>
      <p className={familyStyles.meta}>
        {grant.decidedBy === 'young_person' ? t('sharing.proposals.youngPerson') : t('sharing.proposals.parent')}
      </p>
      {approve.isError && approve.variables.grant.id === grant.id && <Alert tone="error">{errorText(approve.error, t)}</Alert>}
      {grant.canApprove ? (
        <div className={familyStyles.itemActions}>
          <Button
            variant="primary"
            aria-label={`${t('sharing.proposals.approve')}: ${about}`}
            isPending={approve.isPending && approve.variables.grant.id === grant.id}
            onPress={() => approve.mutate({ grant })}
          >
            {t('sharing.proposals.approve')}
          </Button>
          <Button aria-label={`${t('sharing.proposals.decline')}: ${about}`} onPress={onDecline}>{t('sharing.proposals.decline')}</Button>
        </div>
      ) : (
        <p><Badge tone="muted">{t('sharing.proposals.waiting')}</Badge></p>
      )}
    </>
  );
}

const idFor = formIds('share');

function ShareForm({ familyId, data, editing, onDone, onStop, onCancel }: {
  familyId: string;
  data: SharingOverview;
  editing: Editing;
  onDone: (text: string) => void;
  onStop: (grant: ConsentGrant) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { person, topic, grants, youngPersonId } = editing;
  const current = grants.proposed ?? grants.active;
  const [choice, setChoice] = useState<Choice>(current?.level ?? 'read');
  const [validUntil, setValidUntil] = useState(current?.validUntil ? lastDay(current.validUntil) : '');
  const [decider, setDecider] = useState(PROPOSAL);
  const members = useMembers(familyId);
  const grant = useGrant(familyId);
  const feedback = useFormFeedback(['level', 'validUntil', 'onBehalfOfParticipantId', 'lifeDomainId']);
  // A coach proposes, or records a decision a parent (or the young person, for their own items) made.
  const deciders = (members.data ?? []).filter((m) => (youngPersonId ? m.id === youngPersonId : m.role === 'parent'));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (grant.isPending) return;
    if (choice === 'none') {
      if (grants.active) onStop(grants.active);
      else if (grants.proposed) onStop(grants.proposed);
      else onCancel();
      return;
    }
    const body = feedback.validate(ConsentInput, {
      participantId: person.participantId,
      ...(topic.kind === 'domain' ? { lifeDomainId: topic.lifeDomainId } : { itemType: topic.itemType, itemId: topic.itemId }),
      level: choice,
      validUntil: validUntil || null,
      onBehalfOfParticipantId: !data.mayDecide && decider !== PROPOSAL ? decider : null,
    });
    if (!body) return;
    grant.mutate(body, {
      onSuccess: (created) => onDone(created.status === 'active'
        ? t('sharing.shared', { name: person.displayName, topic: topic.label, level: t(`sharing.level.${created.level}`) })
        : t('sharing.proposed', { name: person.displayName, topic: topic.label })),
      onError: feedback.showError,
    });
  };

  const label = (field: string) => (field === 'validUntil' ? t('sharing.dialog.until') : field === 'onBehalfOfParticipantId' ? t('sharing.dialog.who') : t('sharing.dialog.level', { name: person.displayName }));
  return (
    <>
      <ErrorSummary problems={feedback.problems} attempt={feedback.attempt} labelFor={label} idFor={idFor} />
      <form noValidate onSubmit={onSubmit} className={formStyles.form}>
        <RadioGroupField
          id={idFor('level')}
          label={label('level')}
          value={choice}
          onChange={(v) => setChoice(v as Choice)}
          error={feedback.fieldErrors.level}
          options={[
            { value: 'none', label: t('sharing.level.none'), description: t('sharing.dialog.noneHelp', { name: person.displayName }) },
            { value: 'read', label: t('sharing.level.read'), description: t('sharing.dialog.readHelp', { name: person.displayName }) },
            { value: 'contribute', label: t('sharing.level.contribute'), description: t('sharing.dialog.contributeHelp', { name: person.displayName }) },
          ]}
        />
        {choice !== 'none' && (
          <TextField
            id={idFor('validUntil')}
            label={label('validUntil')}
            description={t('sharing.dialog.untilHelp')}
            type="date"
            optional
            value={validUntil}
            onChange={setValidUntil}
            error={feedback.fieldErrors.validUntil}
          />
        )}
        {choice !== 'none' && !data.mayDecide && (
          <RadioGroupField
            id={idFor('onBehalfOfParticipantId')}
            label={label('onBehalfOfParticipantId')}
            value={decider}
            onChange={setDecider}
            error={feedback.fieldErrors.onBehalfOfParticipantId}
            options={[
              { value: PROPOSAL, label: t('sharing.dialog.propose'), description: t('sharing.dialog.proposeHelp') },
              ...deciders.map((m) => ({ value: m.id, label: t('sharing.dialog.decidedThemselves', { name: m.displayName }) })),
            ]}
          />
        )}
        {choice === 'none' && grants.active && <Alert tone="warning">{t('sharing.dialog.stopNow', { name: person.displayName })}</Alert>}
        {feedback.fieldErrors.lifeDomainId && <Alert tone="error">{feedback.fieldErrors.lifeDomainId}</Alert>}
        <div className={formStyles.actions}>
          <Button type="submit" variant="primary" isPending={grant.isPending}>
            {choice === 'none' && (grants.active || grants.proposed) ? t('sharing.stop.confirm') : t('common.save')}
          </Button>
          <Button onPress={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </>
  );
}
