import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutDialog } from './AboutDialog';
import { useDesktopServices } from './index';
import { MenuBar } from './MenuBar';
import './platform.css';

/**
 * The header's file part: the in-app menu bar (browser build; the desktop app has a native menu),
 * the open document's name with an unsaved-changes mark, the status line, and Help > About.
 */
export const DesktopChrome = observer(function DesktopChrome() {
  const { t } = useTranslation('desktop');
  const { platform } = useDesktopServices();
  const { document: doc, message } = platform.status;
  const [aboutOpen, setAboutOpen] = useState(false);

  useEffect(() => platform.commands.handle('about', () => setAboutOpen(true)), [platform]);

  // The window title (and the taskbar) name the document, as desktop apps do.
  const title = `${doc.dirty ? '• ' : ''}${doc.name ? `${doc.name} — ` : ''}${t('common:appName')}`;
  useEffect(() => {
    globalThis.document.title = title;
  }, [title]);

  return (
    <>
      {platform.kind === 'browser' && <MenuBar platform={platform} />}
      {doc.name && (
        <span className="document-name" data-testid="document-name">
          {doc.name}
          {doc.dirty && (
            <span className="unsaved" title={t('file.unsaved')} aria-label={t('file.unsaved')}>
              {' •'}
            </span>
          )}
        </span>
      )}
      {message && (
        <div className={`status-line status-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <span>{message.text}</span>
          <button type="button" onClick={() => platform.status.clear()}>
            {t('file.dismiss')}
          </button>
        </div>
      )}
      {aboutOpen && <AboutDialog platform={platform} onClose={() => setAboutOpen(false)} />}
    </>
  );
});
