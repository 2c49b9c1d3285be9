// The app's button: one look per role (primary action, secondary, quiet, icon-only).

import type { ButtonHTMLAttributes, ReactNode } from 'react';
import type { IconName } from './Icon';
import { Icon } from './Icon';
import './Button.css';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet';
  icon?: IconName;
  children?: ReactNode;
}

export function Button({ variant = 'secondary', icon, children, className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['button', `button-${variant}`, children ? '' : 'button-icon-only', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {icon && <Icon name={icon} />}
      {children}
    </button>
  );
}
