import type { ReactNode } from 'react';
import styles from './Badge.module.css';

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'role' | 'warning' | 'muted'; children: ReactNode }) {
  return <span className={`${styles.badge} ${styles[tone]}`}>{children}</span>;
}

export function BadgeList({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <ul className={styles.list} aria-label={label}>
      {children}
    </ul>
  );
}
