// The colour theme: 'system' follows the OS (prefers-color-scheme); 'light' and 'dark'
// are the user's explicit choice, remembered in localStorage. The effective theme is set
// as `data-theme` on <html>, which the CSS tokens in theme.css key on.

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'spanlab.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/// The saved preference; 'system' when none (or storage is unavailable).
export function readThemePreference(): ThemePreference {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

export function saveThemePreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Storage can be disabled; the choice then lasts for this session only.
  }
}

export function systemTheme(): Theme {
  return matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function resolveTheme(preference: ThemePreference): Theme {
  return preference === 'system' ? systemTheme() : preference;
}

/// Sets the effective theme on the document; returns it.
export function applyTheme(preference: ThemePreference): Theme {
  const theme = resolveTheme(preference);
  document.documentElement.dataset.theme = theme;
  return theme;
}

/// Calls `listener` whenever the OS switches between light and dark.
export function onSystemThemeChange(listener: () => void): () => void {
  const query = matchMedia(DARK_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
