import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';
import { DesktopChrome } from '../platform/DesktopChrome';
import { PAGES } from './pages';
import { usePage } from './usePage';

const PAGE_IDS = PAGES.map((p) => p.id);

export function App() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = usePage(PAGE_IDS, PAGE_IDS[0] as string);
  const Current = (PAGES.find((p) => p.id === page) ?? PAGES[0])?.component;

  // The e2e tests and the Electron shell wait on this marker, never on a timeout.
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', 'loaded');
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appName')}</h1>
        <span className="tagline">{t('tagline')}</span>
        <DesktopChrome />
        <nav aria-label={t('appName')}>
          {PAGES.map((p) => (
            <button key={p.id} type="button" aria-current={page === p.id} onClick={() => setPage(p.id)}>
              {t(p.labelKey)}
            </button>
          ))}
        </nav>
        <label className="language">
          {t('language')}{' '}
          <select value={i18n.language} onChange={(e) => void changeLanguage(e.target.value as Language)}>
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang}>
                {t(`languages.${lang}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>{Current && <Current />}</main>
      <footer className="app-footer">{t('offline')}</footer>
    </div>
  );
}
