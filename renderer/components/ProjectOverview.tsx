// The right-hand panel while no document is open: where the project stands.

import { useEffect, useState } from 'react';
import type { ProjectInfo, ProjectStats } from '../../common/model';
import { Button } from './Button';
import { useClient } from './ClientContext';
import { STATUS_LABELS, STATUS_ORDER } from './statusLabels';
import './SidePanel.css';
import './ProjectOverview.css';

interface ProjectOverviewProps {
  project: ProjectInfo;
  /** Bumped when documents changed, so the figures follow. */
  version: number;
  /** Opens the Backups dialog. */
  onBackups?: () => void;
}

export function ProjectOverview({ project, version, onBackups }: ProjectOverviewProps) {
  const client = useClient();
  const [stats, setStats] = useState<ProjectStats | null>(null);

  useEffect(() => {
    let current = true;
    client.call('project.stats', {}).then(
      (answer) => current && setStats(answer),
      // The overview is a courtesy; without figures the panel just shows the project.
      () => current && setStats(null),
    );
    return () => {
      current = false;
    };
  }, [client, project.path, version]);

  const total = stats?.documents ?? project.documentCount;
  return (
    <aside className="info-panel" aria-label="Project overview" data-testid="project-overview">
      <section className="info-section">
        <h2 className="info-heading">Project</h2>
        <p className="info-title">{project.name}</p>
        <p className="info-source" title={project.path}>
          {project.path}
        </p>
      </section>
      {stats && (
        <section className="info-section">
          <h2 className="info-heading">Progress</h2>
          <div className="progress-bar" role="img" aria-label={progressLabel(stats)}>
            {STATUS_ORDER.map((status) =>
              stats.byStatus[status] > 0 ? (
                <span
                  key={status}
                  className={`progress-segment status-${status}`}
                  // A proportion, set through CSSOM (allowed by the CSP).
                  style={{ flexGrow: stats.byStatus[status] }}
                />
              ) : null,
            )}
          </div>
          <dl className="progress-legend">
            {STATUS_ORDER.map((status) => (
              <div key={status} className={`progress-legend-row status-${status}`}>
                <dt>
                  <span className="status-dot" aria-hidden="true" />
                  {STATUS_LABELS[status]}
                </dt>
                <dd>{stats.byStatus[status].toLocaleString()}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section className="info-section">
        <h2 className="info-heading">Contents</h2>
        <dl className="info-stats">
          <div className="info-stat">
            <dt>Documents</dt>
            <dd>{total.toLocaleString()}</dd>
          </div>
          {stats && (
            <>
              <div className="info-stat">
                <dt>Mentions</dt>
                <dd>{stats.mentions.toLocaleString()}</dd>
              </div>
              <div className="info-stat">
                <dt>Events</dt>
                <dd>{stats.events.toLocaleString()}</dd>
              </div>
              <div className="info-stat">
                <dt>Entities</dt>
                <dd>{stats.entities.toLocaleString()}</dd>
              </div>
            </>
          )}
        </dl>
      </section>
      {onBackups && (
        <section className="info-section">
          <h2 className="info-heading">Backups</h2>
          <Button icon="clock" onClick={onBackups} data-testid="open-backups">
            Backups and restore…
          </Button>
        </section>
      )}
    </aside>
  );
}

function progressLabel(stats: ProjectStats): string {
  return STATUS_ORDER.map((status) => `${STATUS_LABELS[status]}: ${stats.byStatus[status]}`).join(', ');
}
