import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { Link, type LinkProps } from 'react-router';
import styles from './Button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export function buttonClass(variant: ButtonVariant = 'secondary', extra?: string): string {
  return [styles.button, styles[variant], extra].filter(Boolean).join(' ');
}

interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children' | 'isPending'> {
  variant?: ButtonVariant;
  className?: string;
  children: ReactNode;
  /** Busy sending: looks disabled and ignores presses, but keeps focus. */
  isPending?: boolean;
}

/**
 * A pending button stays focusable (aria-disabled) so keyboard and screen-reader users keep
 * their place. React Aria's own isPending is not used: its announcement adds a role="img"
 * node that accessibility scanners flag for seconds after every submit.
 */
export function Button({ variant = 'secondary', className, children, isPending, onPress, type, ...rest }: ButtonProps) {
  return (
    <AriaButton
      {...rest}
      type={isPending ? 'button' : type}
      aria-disabled={isPending || undefined}
      onPress={isPending ? undefined : onPress}
      className={buttonClass(variant, isPending ? `${styles.pending} ${className ?? ''}` : className)}
    >
      {children}
    </AriaButton>
  );
}

interface ButtonLinkProps extends Omit<LinkProps, 'className'> {
  variant?: ButtonVariant;
  className?: string;
}

/** A link (it goes somewhere) that looks like a button. */
export function ButtonLink({ variant = 'secondary', className, ...rest }: ButtonLinkProps) {
  return <Link {...rest} className={buttonClass(variant, className)} />;
}
