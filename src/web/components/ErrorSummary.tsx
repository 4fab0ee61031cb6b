import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hasProblems, type FormProblems } from './form-errors.ts';
import { focusField } from './focus.ts';
import styles from './ErrorSummary.module.css';

interface ErrorSummaryProps {
  problems: FormProblems;
  /** Changes with every failed submit; the summary then takes focus. */
  attempt: number;
  /** The label to show for a field path, e.g. "E-mailadres" or "Rij 3: Gemeente". */
  labelFor: (field: string) => string;
  /** The DOM id of the control for a field path. */
  idFor: (field: string) => string;
}

export function ErrorSummary({ problems, attempt, labelFor, idFor }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = hasProblems(problems);

  useEffect(() => {
    if (attempt > 0 && visible) ref.current?.focus();
  }, [attempt, visible]);

  if (!visible) return null;
  return (
    // Taking focus makes screen readers read it out; a live role on top would read it twice.
    <div ref={ref} className={styles.summary} tabIndex={-1}>
      <h2 className={styles.title}>
        {t('form.summaryTitle')}
      </h2>
      <ul className={styles.list}>
        {problems.formMessages.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {Object.entries(problems.fieldErrors).map(([field, message]) => (
          <li key={field}>
            <a
              href={`#${idFor(field)}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(idFor(field));
              }}
            >
              {labelFor(field)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
