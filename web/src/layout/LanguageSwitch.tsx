import { useSession } from '../auth/session';
import type { Language } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** ไทย / English, remembered for the signed-in user; and the Thai-digits option. */
export function LanguageSwitch() {
  const { language, setLanguage, thaiDigits, setThaiDigits, m } = useI18n();
  const { rememberLanguage } = useSession();
  const choose = (next: Language) => {
    setLanguage(next);
    rememberLanguage(next);
  };
  return (
    <div className="language-switch">
      <div role="group" aria-label={m.app.language} className="segmented">
        <button type="button" lang="th" aria-pressed={language === 'th'} onClick={() => choose('th')}>
          ไทย
        </button>
        <button type="button" lang="en" aria-pressed={language === 'en'} onClick={() => choose('en')}>
          English
        </button>
      </div>
      {language === 'th' && (
        <label className="checkbox">
          <input type="checkbox" checked={thaiDigits} onChange={(event) => setThaiDigits(event.target.checked)} />
          {m.app.thaiDigits}
        </label>
      )}
    </div>
  );
}
