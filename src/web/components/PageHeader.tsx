import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './PageHeader.module.css';

interface PageHeaderProps {
  title: string;
  /** Context for the browser tab, e.g. the collaboration's name. */
  context?: string | undefined;
  intro?: ReactNode;
  actions?: ReactNode;
}

/** The page's one h1, and the document title that goes with it. */
export function PageHeader({ title, context, intro, actions }: PageHeaderProps) {
  useDocumentTitle(context ? `${title} – ${context}` : title);
  return (
    <div className={styles.header}>
      <div className={styles.text}>
        {context && <p className={styles.context}>{context}</p>}
        <h1 className={styles.title} tabIndex={-1}>
          {title}
        </h1>
        {intro && <p className={styles.intro}>{intro}</p>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}

export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const full = `${title} – ${t('app.name')}`;
  useEffect(() => {
    document.title = full;
  }, [full]);
}
