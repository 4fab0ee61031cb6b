import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.ts';
import { errorText } from './error-text.ts';
import { NO_PROBLEMS, orderByFields, problemsFromError, splitUnknownFields, validateWith, type FormProblems } from './form-errors.ts';

/**
 * Holds what went wrong with a form. `attempt` grows with every failed submit so the error
 * summary knows to take focus again, even when the problems are the same as last time.
 */
export function useFormFeedback(fields: readonly string[], codeFields: Record<string, string> = {}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const fieldKey = fields.join('|');
  const isField = useMemo(() => {
    const known = new Set(fieldKey.split('|'));
    // Row fields (postcodes.3.municipality) are known when their list is declared as `postcodes.*`.
    return (field: string) => known.has(field) || known.has(`${field.split('.')[0]}.*`);
  }, [fieldKey]);

  const fail = useCallback(
    (next: FormProblems) => {
      setProblems({ ...next, fieldErrors: orderByFields(next.fieldErrors, fieldKey.split('|')) });
      setAttempt((n) => n + 1);
    },
    [fieldKey],
  );

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, values: unknown): z.infer<S> | null => {
      const result = validateWith(schema, values, locale);
      if (result.ok) {
        setProblems(NO_PROBLEMS);
        return result.data;
      }
      fail(splitUnknownFields(result.problems, isField));
      return null;
    },
    [fail, locale, isField],
  );

  const showError = (error: unknown) => fail(problemsFromError(error, errorText(error, t), isField, codeFields));
  const reset = useCallback(() => setProblems(NO_PROBLEMS), []);

  return { problems, attempt, validate, showError, reset, fieldErrors: problems.fieldErrors };
}

export type FormFeedback = ReturnType<typeof useFormFeedback>;
