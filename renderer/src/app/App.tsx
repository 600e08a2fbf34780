import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GpuGrid } from '../catalog/GpuGrid';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';

type Page = 'catalog';

export function App() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState<Page>('catalog');

  // The e2e tests and the Electron shell wait on this marker, never on a timeout.
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', 'loaded');
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('appName')}</h1>
        <span className="tagline">{t('tagline')}</span>
        <nav aria-label={t('appName')}>
          <button type="button" aria-current={page === 'catalog'} onClick={() => setPage('catalog')}>
            {t('nav.catalog')}
          </button>
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
      <main>{page === 'catalog' && <GpuGrid />}</main>
      <footer className="app-footer">{t('offline')}</footer>
    </div>
  );
}
