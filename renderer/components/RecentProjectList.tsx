// The projects opened lately, newest first; a project whose file is gone is shown but
// cannot be opened.

import type { RecentProject } from '../../common/model';
import { Icon } from './Icon';

interface RecentProjectListProps {
  /** null while loading. */
  projects: RecentProject[] | null;
  disabled: boolean;
  onOpen: (path: string) => void;
}

export function RecentProjectList({ projects, disabled, onOpen }: RecentProjectListProps) {
  if (projects === null) return null;
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="recent-title">
        Recent projects
      </h2>
      {projects.length === 0 ? (
        <p className="recent-empty">Projects you open will be listed here.</p>
      ) : (
        <ul className="recent-list">
          {projects.map((project) => (
            <li key={project.path}>
              <button
                type="button"
                className="recent-item"
                disabled={disabled || !project.exists}
                onClick={() => onOpen(project.path)}
                title={project.exists ? project.path : `${project.path} (file not found)`}
                data-testid="recent-project"
              >
                <Icon name="file" />
                <span className="recent-text">
                  <span className="recent-name">{project.name}</span>
                  <span className="recent-path">{project.path}</span>
                </span>
                <span className="recent-when">{project.exists ? relativeTime(project.openedAt) : 'Not found'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// "3 days ago" reads faster than a timestamp in a list of a handful of projects.
function relativeTime(iso: string): string {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  if (Number.isNaN(seconds)) return '';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}
