import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Formats, type Language } from './format';
import { MESSAGES, type Messages } from './messages';

const LANGUAGE_KEY = 'phatthana.language';
const THAI_DIGITS_KEY = 'phatthana.thaiDigits';

export interface I18n {
  language: Language;
  thaiDigits: boolean;
  /** The texts of the current language. */
  m: Messages;
  /** Numbers, dates and fiscal years for the current language (Buddhist Era). */
  f: Formats;
  setLanguage: (language: Language) => void;
  setThaiDigits: (on: boolean) => void;
}

const I18nContext = createContext<I18n | null>(null);

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for the page only
  }
}

export function isLanguage(value: unknown): value is Language {
  return value === 'th' || value === 'en';
}

export function I18nProvider({ children, initialLanguage }: { children: ReactNode; initialLanguage?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const remembered = stored(LANGUAGE_KEY);
    return initialLanguage ?? (isLanguage(remembered) ? remembered : 'th');
  });
  const [thaiDigits, setThaiDigitsState] = useState<boolean>(() => stored(THAI_DIGITS_KEY) === 'true');

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    store(LANGUAGE_KEY, next);
  }, []);
  const setThaiDigits = useCallback((on: boolean) => {
    setThaiDigitsState(on);
    store(THAI_DIGITS_KEY, String(on));
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(
    () => ({
      language,
      thaiDigits,
      m: MESSAGES[language],
      f: new Formats({ language, thaiDigits }),
      setLanguage,
      setThaiDigits,
    }),
    [language, thaiDigits, setLanguage, setThaiDigits],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) {
    throw new Error('useI18n outside I18nProvider');
  }
  return context;
}
