// The window's top bar: the product, the open project (click to switch) and the global
// toggles.

import type { ProjectInfo } from '../../common/model';
import type { Theme } from '../theme/themePreference';
import { Button } from './Button';
import { Icon } from './Icon';
import type { AppView } from './ViewSwitch';
import { ViewSwitch } from './ViewSwitch';
import './TopBar.css';

interface TopBarProps {
  project: ProjectInfo | null;
  theme: Theme;
  onToggleTheme: () => void;
  onSwitchProject: () => void;
  onAbout: () => void;
  /** Opens the Import… dialog; no button without it (no project open). */
  onImport?: (() => void) | undefined;
  /** Opens the Export dialog; no button without it (no project open). */
  onExport?: (() => void) | undefined;
  /** The view of the open project, and how to change it; no switch without both. */
  view?: AppView;
  onViewChange?: (view: AppView) => void;
}

export function TopBar({ project, theme, onToggleTheme, onSwitchProject, onAbout, onImport, onExport, view, onViewChange }: TopBarProps) {
  return (
    <header className="top-bar">
      <div className="top-bar-brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="layers" size={15} />
        </span>
        <span className="brand-name">Spanlab</span>
      </div>
      {project && (
        <>
          <span className="top-bar-divider" aria-hidden="true" />
          <button
            type="button"
            className="project-switcher"
            onClick={onSwitchProject}
            title={`${project.path}\nSwitch project`}
            data-testid="project-switcher"
          >
            <span className="project-name" data-testid="project-name">
              {project.name}
            </span>
            <Icon name="switch" size={14} />
          </button>
          {view && onViewChange && <ViewSwitch view={view} onChange={onViewChange} />}
        </>
      )}
      <div className="top-bar-actions">
        {onImport && (
          <Button variant="quiet" icon="upload" onClick={onImport} title="Import articles" data-testid="import-button">
            Import…
          </Button>
        )}
        {onExport && (
          <Button variant="quiet" icon="download" onClick={onExport} title="Export training data" data-testid="export-button">
            Export…
          </Button>
        )}
        <Button
          variant="quiet"
          icon={theme === 'dark' ? 'sun' : 'moon'}
          onClick={onToggleTheme}
          aria-label={theme === 'dark' ? 'Use light theme' : 'Use dark theme'}
          title={theme === 'dark' ? 'Use light theme' : 'Use dark theme'}
          data-testid="theme-toggle"
          data-theme={theme}
        />
        <Button variant="quiet" icon="info" onClick={onAbout} aria-label="About Spanlab" title="About Spanlab" data-testid="about-button" />
      </div>
    </header>
  );
}
