import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TIE_KINDS } from '../../../shared/network-constants.ts';
import type { NetworkPerson, NetworkTie } from '../../../shared/schemas/network.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import formStyles from '../../components/Form.module.css';
import { useFamilyContext } from '../families/FamilyLayout.tsx';
import { EcoMap } from './EcoMap.tsx';
import { availabilityText } from './format.ts';
import { PersonForm } from './PersonForm.tsx';
import { useCreateTie, useDeleteFromNetwork, useNetwork, useSavePerson, useUpdateTie } from './queries.ts';
import styles from './Network.module.css';

type Removing = { person: NetworkPerson } | { tie: NetworkTie };

/** The network in three rings: the map to look at and drag, and the same people as a list to read and edit. */
export function NetworkPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const network = useNetwork(family.id);
  const move = useSavePerson(family.id);
  const remove = useDeleteFromNetwork(family.id);
  const updateTie = useUpdateTie(family.id);
  const [open, setOpen] = useState<'person' | 'tie' | null>(null);
  const [editing, setEditing] = useState<NetworkPerson | null>(null);
  const [removing, setRemoving] = useState<Removing | null>(null);
  const canWrite = family.reach === 'full';
  const close = () => { setOpen(null); setEditing(null); };
  const people = network.data?.people ?? [];
  const name = (id: string | null) => (id ? people.find((p) => p.id === id)?.name ?? '?' : t('network.center'));
  const confirmRemoval = () => {
    if (!removing) return;
    const target = 'person' in removing ? { path: `people/${removing.person.id}`, version: removing.person.version } : { path: `ties/${removing.tie.id}`, version: removing.tie.version };
    remove.mutate(target, { onSuccess: () => setRemoving(null) });
  };
  return (
    <>
      <PageHeader title={t('network.title')} context={family.displayName} intro={t('network.intro')}
        actions={canWrite && (
          <>
            <Button variant="primary" onPress={() => setOpen('person')}>{t('network.addPerson')}</Button>
            {people.length > 0 && <Button onPress={() => setOpen('tie')}>{t('network.addTie')}</Button>}
          </>
        )} />
      {network.isPending && <Loading />}
      {network.isError && <ErrorState error={network.error} onRetry={() => void network.refetch()} isRetrying={network.isFetching} />}
      {network.data && people.length === 0 && <EmptyState title={t('network.empty')}>{t('network.emptyHint')}</EmptyState>}
      {move.isError && <Alert tone="error">{errorText(move.error, t)}</Alert>}
      {updateTie.isError && <Alert tone="error">{errorText(updateTie.error, t)}</Alert>}
      {network.data && people.length > 0 && (
        <>
          <EcoMap familyName={family.displayName} people={people} ties={network.data.ties} canMove={canWrite}
            onMove={(person, ring, mapAngle) => move.mutate({ person, body: { ring, mapAngle } })} />
          {([1, 2, 3] as const).map((ring) => {
            const inRing = people.filter((p) => p.ring === ring);
            return (
              <section key={ring} className={styles.section} aria-labelledby={`ring-${ring}`}>
                <h2 id={`ring-${ring}`}>{t(`network.rings.${ring}`)} <span className={styles.count}>({inRing.length})</span></h2>
                {inRing.length === 0 && <p className={styles.hint}>{t('network.ringEmpty')}</p>}
                <ul className={styles.people}>
                  {inRing.map((p) => (
                    <li key={p.id} className={styles.person}>
                      <h3>{p.name}{p.status !== 'involved' && <span className={styles.status}> – {t(`network.statuses.${p.status}`)}</span>}</h3>
                      <p className={styles.meta}>
                        {p.relation && <span>{p.relation}</span>}
                        {p.importance && <span>{t(`network.importance.${p.importance as 1 | 2 | 3 | 4 | 5}`)}</span>}
                      </p>
                      {p.roles.length > 0 && <p>{t('network.does', { roles: p.roles.map((r) => t(`network.helpKinds.${r}`)).join(', ') })}</p>}
                      {p.offers && <p>{p.offers}</p>}
                      {p.availability.length > 0 && <p>{availabilityText(p.availability, t)}</p>}
                      {p.callAnytime && <p>{t('network.callAnytime')}</p>}
                      {p.contact?.phone && <p><a href={`tel:${p.contact.phone.replace(/[^\d+]/g, '')}`}>{p.contact.phone}</a></p>}
                      {canWrite && (
                        <div className={styles.actions}>
                          <Button variant="quiet" aria-label={`${t('common.edit')}: ${p.name}`} onPress={() => { setEditing(p); setOpen('person'); }}>{t('common.edit')}</Button>
                          <Button variant="quiet" aria-label={`${t('common.remove')}: ${p.name}`} onPress={() => setRemoving({ person: p })}>{t('common.remove')}</Button>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          <section className={styles.section} aria-labelledby="ties">
            <h2 id="ties">{t('network.ties')}</h2>
            {network.data.ties.length === 0 && <p className={styles.hint}>{t('network.noTies')}</p>}
            <ul>
              {network.data.ties.map((tie) => (
                <li key={tie.id} className={styles.tie}>
                  <span>{t('network.tieText', { from: name(tie.fromPersonId), to: name(tie.toPersonId), kind: t(`network.tieKinds.${tie.kind}`) })}</span>
                  {canWrite && (
                    <SelectField id={`tie-kind-${tie.id}`} label={t('network.changeKind', { from: name(tie.fromPersonId), to: name(tie.toPersonId) })} value={tie.kind}
                      onChange={(kind) => updateTie.mutate({ tie, kind: kind as NetworkTie['kind'] })} options={TIE_KINDS.map((k) => ({ value: k, label: t(`network.tieKinds.${k}`) }))} />
                  )}
                  {canWrite && <Button variant="quiet" aria-label={`${t('common.remove')}: ${name(tie.fromPersonId)} – ${name(tie.toPersonId)}`} onPress={() => setRemoving({ tie })}>{t('common.remove')}</Button>}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      <ConfirmDialog
        isOpen={removing !== null} title={t('network.removeTitle')} confirmLabel={t('common.remove')} onConfirm={confirmRemoval}
        onCancel={() => { remove.reset(); setRemoving(null); }} isPending={remove.isPending} error={remove.isError ? errorText(remove.error, t) : null}
      >
        <p>{removing && 'person' in removing ? t('network.removePerson', { name: removing.person.name }) : t('network.removeTie')}</p>
      </ConfirmDialog>
      <FormDialog isOpen={open !== null} onClose={close} title={open === 'tie' ? t('network.addTie') : editing ? editing.name : t('network.addPerson')}>
        {open === 'person' && <PersonForm familyId={family.id} person={editing} onDone={close} />}
        {open === 'tie' && <TieForm familyId={family.id} people={people} onDone={close} />}
      </FormDialog>
    </>
  );
}

function TieForm({ familyId, people, onDone }: { familyId: string; people: NetworkPerson[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ from: 'family', to: people[0]?.id ?? '', kind: 'strong' as NetworkTie['kind'] });
  const create = useCreateTie(familyId);
  const options = people.map((p) => ({ value: p.id, label: p.name }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate({ fromPersonId: v.from === 'family' ? null : v.from, toPersonId: v.to, kind: v.kind }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={onSubmit} className={formStyles.form}>
      {create.isError && <Alert tone="error">{errorText(create.error, t)}</Alert>}
      <SelectField id="tie-from" label={t('network.tieFrom')} value={v.from} onChange={(from) => setV({ ...v, from })} options={[{ value: 'family', label: t('network.center') }, ...options]} />
      <SelectField id="tie-to" label={t('network.tieTo')} value={v.to} onChange={(to) => setV({ ...v, to })} options={options} />
      <SelectField id="tie-kind" label={t('network.tieKind')} value={v.kind} onChange={(kind) => setV({ ...v, kind: kind as NetworkTie['kind'] })} options={TIE_KINDS.map((k) => ({ value: k, label: t(`network.tieKinds.${k}`) }))} />
      <div className={formStyles.actions}>
        <Button type="submit" variant="primary" isPending={create.isPending}>{t('common.save')}</Button>
        <Button onPress={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
