import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/LanguageSwitch';

/** The frame of the pages before sign-in (sign-in, invitation): the name, the language switch, a card. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const { m } = useI18n();
  return (
    <main className="signin-page" id="main">
      <div className="signin-card">
        <div className="signin-top">
          <span className="brand-name">{m.app.name}</span>
          <LanguageSwitch />
        </div>
        {children}
      </div>
    </main>
  );
}
