import type { ReactNode } from 'react';
import styles from './Alert.module.css';

type Tone = 'info' | 'success' | 'error' | 'warning';

interface AlertProps {
  tone: Tone;
  children: ReactNode;
  /** Buttons or links beside the message (e.g. "Opnieuw laden"). */
  actions?: ReactNode;
}

/**
 * A message in the page. Errors interrupt (role=alert); everything else is announced politely
 * (role=status). Render the Alert only when there is something to say, so it is announced.
 */
export function Alert({ tone, children, actions }: AlertProps) {
  return (
    <div className={`${styles.alert} ${styles[tone]}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p>{children}</p>
      {actions}
    </div>
  );
}
