import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../shared/schemas/plan.ts';
import { isApiError } from '../../app/api.ts';
import { Button } from '../../components/Button.tsx';
import { errorText } from '../../components/error-text.ts';
import { FACES } from './plan-format.ts';
import { useSaveItem } from './queries.ts';
import styles from './Family.module.css';

/** The family fills in how far a goal is, with one tap on a face (each face also says its number). */
export function ProgressFaces({ familyId, goal }: { familyId: string; goal: PlanItem }) {
  const { t } = useTranslation();
  const save = useSaveItem(familyId, 'goal');
  return (
    <div role="group" aria-label={t('families.progressFaces.label', { text: goal.text })} className={styles.itemActions}>
      {FACES.map((face, index) => {
        const n = index + 1;
        return (
          <Button key={n} variant={goal.progress === n ? 'primary' : 'quiet'} aria-pressed={goal.progress === n} isDisabled={save.isPending}
            aria-label={t('families.progressFaces.option', { n, words: t(`families.scale.progress.${n}` as 'families.scale.progress.1') })}
            onPress={() => save.mutate({ item: goal, body: { progress: n } })}>
            <span aria-hidden="true" className={styles.faces}>{face}</span>
          </Button>
        );
      })}
      {save.isError && (
        <p role="alert">{isApiError(save.error, 'precondition_failed') ? t('families.progressFaces.changed') : errorText(save.error, t)}</p>
      )}
    </div>
  );
}
