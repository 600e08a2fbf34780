import { useEffect, useRef, useState, useSyncExternalStore, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n';
import { shortcutLabel } from './shortcuts';
import type { Platform, MenuCommandId } from './types';

type Entry =
  | { kind: 'command'; command: MenuCommandId; labelKey: string }
  | { kind: 'group'; labelKey: string }
  | { kind: 'language' }
  | { kind: 'separator' };

const cmd = (command: MenuCommandId, labelKey: string): Entry => ({ kind: 'command', command, labelKey });
const separator: Entry = { kind: 'separator' };

/** The desktop menu, minus what a browser does itself (zoom, full screen, quit) and what it cannot (recent files). */
const MENUS: { id: string; labelKey: string; entries: Entry[] }[] = [
  {
    id: 'file',
    labelKey: 'menu.file',
    entries: [
      cmd('new', 'menu.new'),
      cmd('open', 'menu.open'),
      separator,
      cmd('save', 'menu.save'),
      cmd('save-as', 'menu.saveAs'),
      separator,
      { kind: 'group', labelKey: 'menu.export' },
      cmd('export-xlsx', 'menu.exportXlsx'),
      cmd('export-csv', 'menu.exportCsv'),
      cmd('export-pdf', 'menu.exportPdf'),
    ],
  },
  { id: 'edit', labelKey: 'menu.edit', entries: [cmd('undo', 'menu.undo'), cmd('redo', 'menu.redo')] },
  { id: 'view', labelKey: 'menu.view', entries: [{ kind: 'group', labelKey: 'menu.language' }, { kind: 'language' }] },
  { id: 'help', labelKey: 'menu.help', entries: [cmd('about', 'menu.about')] },
];

/** The browser build's menu bar: the same commands as the desktop menu, sent through the same bus. */
export function MenuBar({ platform }: { platform: Platform }) {
  const { t, i18n } = useTranslation('desktop');
  const [open, setOpen] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const bus = platform.commands;
  const available = useSyncExternalStore(
    (listener) => bus.subscribe(listener),
    () => bus.available().join(),
  );
  const mac = /Mac/.test(navigator.platform);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !bar.current?.contains(event.target as Node))
        setOpen(null);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const run = (command: MenuCommandId) => {
    setOpen(null);
    void bus.run(command);
  };

  // Menu buttons must not take focus from a text field, or Edit > Undo would have nothing to undo.
  const keepFocus = (event: MouseEvent) => event.preventDefault();

  return (
    <div className="menu-bar" role="menubar" aria-label={t('menu.menuBar')} ref={bar}>
      {MENUS.map((menu) => (
        <div key={menu.id} className="menu">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === menu.id}
            onMouseDown={keepFocus}
            onClick={() => setOpen(open === menu.id ? null : menu.id)}
            onMouseEnter={() => open && open !== menu.id && setOpen(menu.id)}
          >
            {t(menu.labelKey)}
          </button>
          {open === menu.id && (
            <div className="menu-popup" role="menu" aria-label={t(menu.labelKey)}>
              {menu.entries.map((entry, i) => {
                switch (entry.kind) {
                  case 'separator':
                    return <hr key={i} role="separator" />;
                  case 'group':
                    return (
                      <div key={i} className="menu-group" role="presentation">
                        {t(entry.labelKey)}
                      </div>
                    );
                  case 'language':
                    return LANGUAGES.map((language) => (
                      <button
                        key={language}
                        type="button"
                        role="menuitemradio"
                        aria-checked={i18n.language === language}
                        onMouseDown={keepFocus}
                        onClick={() => {
                          setOpen(null);
                          void changeLanguage(language);
                        }}
                      >
                        {t(`languages.${language}`)}
                      </button>
                    ));
                  case 'command': {
                    const enabled = available.split(',').includes(entry.command);
                    // Browsers keep Ctrl+N for a new window: no hint for a shortcut that cannot work.
                    const keys = entry.command === 'new' ? null : shortcutLabel(entry.command, mac);
                    return (
                      <button
                        key={i}
                        type="button"
                        role="menuitem"
                        disabled={!enabled}
                        onMouseDown={keepFocus}
                        onClick={() => run(entry.command)}
                      >
                        <span>{t(entry.labelKey)}</span>
                        {keys && <kbd aria-hidden="true">{keys}</kbd>}
                      </button>
                    );
                  }
                }
              })}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
