import { clsx } from 'clsx';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Spinner } from './states.js';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

// The accent is chosen for contrast with white text, so hovering changes the shadow, not the colour.
const variants: Record<ButtonVariant, string> = {
  primary: 'bg-accent text-white hover:shadow-md border border-transparent',
  secondary: 'bg-surface text-fg border border-border hover:bg-surface-muted',
  ghost: 'bg-transparent text-fg border border-transparent hover:bg-surface-muted',
  danger: 'bg-surface text-danger border border-danger hover:bg-danger-soft',
};

/** Shared look of buttons and button-like links. */
export function buttonClass(variant: ButtonVariant = 'primary', className?: string): string {
  return clsx(
    'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold',
    'transition disabled:cursor-not-allowed disabled:opacity-60',
    variants[variant],
    className,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shows a spinner, announces busy, and ignores clicks. */
  loading?: boolean;
  children: ReactNode;
}

/** A button with 44px touch height; `type` defaults to "button" so it never submits by accident. */
export function Button({
  variant = 'primary',
  loading,
  className,
  children,
  disabled,
  ...rest
}: ButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={buttonClass(variant, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading && <Spinner className="size-4" />}
      {children}
    </button>
  );
}
