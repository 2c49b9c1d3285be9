// A calm centred message for "nothing here yet" and "this went wrong" alike.

import type { ReactNode } from 'react';
import type { IconName } from './Icon';
import { Icon } from './Icon';
import './EmptyState.css';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  detail?: ReactNode;
  testId?: string;
}

export function EmptyState({ icon, title, detail, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <span className="empty-state-icon">
        <Icon name={icon} size={22} />
      </span>
      <p className="empty-state-title">{title}</p>
      {detail && <div className="empty-state-detail">{detail}</div>}
    </div>
  );
}
