import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shippedCatalogDate } from './catalog-date';
import type { AppInfo, Platform } from './types';

/** Help > About: the version, what it runs on, and how current the catalog is. */
export function AboutDialog({ platform, onClose }: { platform: Platform; onClose: () => void }) {
  const { t } = useTranslation('desktop');
  const dialog = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void platform.appInfo().then(setInfo);
  }, [platform]);

  const rows: [string, string | null | undefined][] = [
    [t('about.version'), info?.version],
    [t('about.catalogDate'), shippedCatalogDate()],
    [t('about.electron'), info?.electron],
    [t('about.chrome'), info?.chrome],
    [t('about.node'), info?.node],
    [t('about.platform'), info?.platform === 'browser' ? t('about.browser') : info?.platform],
  ];

  return (
    <dialog ref={dialog} className="about-dialog" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title">{t('about.title')}</h2>
      <dl>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <p className="hint">{t('about.offline')}</p>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('about.close')}
        </button>
      </form>
    </dialog>
  );
}
