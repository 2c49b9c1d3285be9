// Entry point: picks the transport, applies the saved theme before the first paint (so a
// dark-theme user never sees a white flash) and mounts the app.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'prosemirror-view/style/prosemirror.css';
import './theme/theme.css';
import './theme/base.css';
import './theme/status.css';
import './theme/dialog.css';
import { App } from './components/App';
import { ClientContext } from './components/ClientContext';
import { SpanlabClient } from './client';
import { createBridge } from './transport/bridge';
import { applyTheme, readThemePreference } from './theme/themePreference';

applyTheme(readThemePreference());

const client = new SpanlabClient(createBridge());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ClientContext value={client}>
      <App />
    </ClientContext>
  </StrictMode>,
);
