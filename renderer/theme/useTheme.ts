// The theme as React state: follows the OS until the user picks one, and toggles.

import { useCallback, useEffect, useState } from 'react';
import type { Theme, ThemePreference } from './themePreference';
import {
  applyTheme,
  onSystemThemeChange,
  readThemePreference,
  saveThemePreference,
  systemTheme,
} from './themePreference';

export function useTheme(): { theme: Theme; toggle: () => void } {
  const [preference, setPreference] = useState<ThemePreference>(readThemePreference);
  const [theme, setTheme] = useState<Theme>(() => applyTheme(preference));

  useEffect(() => {
    setTheme(applyTheme(preference));
    if (preference !== 'system') return;
    return onSystemThemeChange(() => setTheme(applyTheme('system')));
  }, [preference]);

  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    // Choosing what the OS already shows means "follow the OS" again, so a user who
    // toggles back is not stuck with a fixed theme when the OS switches at night.
    const nextPreference: ThemePreference = next === systemTheme() ? 'system' : next;
    saveThemePreference(nextPreference);
    setPreference(nextPreference);
    setTheme(applyTheme(nextPreference));
  }, [theme]);

  return { theme, toggle };
}
