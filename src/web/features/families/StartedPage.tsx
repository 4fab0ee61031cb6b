import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { familyPaths } from './family-paths.ts';
import type { PlanItem } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { errorText } from '../../components/error-text.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextField } from '../../components/TextField.tsx';
import formStyles from '../../components/Form.module.css';
import { useFamilyContext } from './FamilyLayout.tsx';
import { useComparison, useSaveVersion, useVersions } from './queries.ts';
import styles from './Family.module.css';

/** Where we started: the first saved plan beside today, and the saved versions. */
export function StartedPage() {
  const { t } = useTranslation();
  const family = useFamilyContext();
  const compare = useComparison(family.id);
  const versions = useVersions(family.id);
  const save = useSaveVersion(family.id);
  const [label, setLabel] = useState('');
  const [saved, setSaved] = useState(false);
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate(label, { onSuccess: () => { setSaved(true); setLabel(''); } });
  };
  const list = (title: string, items: string[]) => items.length > 0 && (
    <section className={styles.card}><h2>{title}</h2><ul>{items.map((text) => <li key={text}>{text}</li>)}</ul></section>
  );
  const texts = (items: PlanItem[]) => items.map((i) => i.text);

  return (
    <>
      <PageHeader title={t('families.started.title')} context={family.displayName} intro={t('families.started.intro')} />
      {compare.isPending && <Loading />}
      {compare.isError && <ErrorState error={compare.error} onRetry={() => void compare.refetch()} isRetrying={compare.isFetching} />}
      {compare.data === null && <Alert tone="info">{t('families.started.noVersion')}</Alert>}
      {compare.data && (
        <div className={styles.compare}>
          <p>{t('families.started.since', { date: compare.data.from.createdAt.slice(0, 10), number: compare.data.from.number })}</p>
          {list(t('families.started.goalsReached'), texts(compare.data.goalsReached))}
          {list(t('families.started.worriesShrunk'), compare.data.worriesShrunk.map((c) => t('families.started.change', { text: c.item.text, before: c.before, after: c.after })))}
          {list(t('families.started.worriesGone'), texts(compare.data.worriesGone))}
          {list(t('families.started.strengthsGrown'), compare.data.strengthsGrown.map((c) => t('families.started.change', { text: c.item.text, before: c.before, after: c.after })))}
          {list(t('families.started.strengthsNew'), texts(compare.data.strengthsNew))}
          {list(t('families.started.goalsProgressed'), compare.data.goalsProgressed.map((c) => t('families.started.change', { text: c.item.text, before: c.before, after: c.after })))}
          {list(t('families.started.goalsNew'), texts(compare.data.goalsNew))}
          {compare.data.agreementsDone > 0 && <p>{t('families.started.agreementsDone', { count: compare.data.agreementsDone })}</p>}
        </div>
      )}
      <section className={styles.section} aria-labelledby="versions">
        <h2 id="versions">{t('families.started.versions')}</h2>
        {versions.data && versions.data.length === 0 && <p className={styles.muted}>{t('families.started.noVersions')}</p>}
        <ul>
          {versions.data?.map((v) => (
            <li key={v.id}>
              <Link to={familyPaths.version(family.id, v.id)}>{t('families.started.version', { number: v.number, date: v.createdAt.slice(0, 10), reason: t(`families.versionReason.${v.reason}`) })}</Link>
              {v.label ? ` – ${v.label}` : ''}
            </li>
          ))}
        </ul>
        {family.reach === 'full' && (
          <form noValidate onSubmit={onSave} className={formStyles.form}>
            {saved && <Alert tone="success">{t('families.started.saved')}</Alert>}
            {save.isError && <Alert tone="error">{errorText(save.error, t)}</Alert>}
            <TextField id="version-label" label={t('families.started.label')} optional value={label} onChange={setLabel} maxLength={120} />
            <div className={formStyles.actions}><Button type="submit" variant="primary" isPending={save.isPending}>{t('families.started.save')}</Button></div>
          </form>
        )}
      </section>
    </>
  );
}
