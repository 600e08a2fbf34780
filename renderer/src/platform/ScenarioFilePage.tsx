import { observer } from 'mobx-react-lite';
import { useTranslation } from 'react-i18next';
import { useDesktopServices } from './index';

/**
 * The scenario file as text, to open, edit and save from the File menu until the scenario screens
 * take the File menu over with the real scenario store.
 */
export const ScenarioFilePage = observer(function ScenarioFilePage() {
  const { t } = useTranslation('desktop');
  const { scenarioFile, scenarioText } = useDesktopServices();
  return (
    <section className="panel scenario-file">
      <h2>{scenarioFile.displayName}</h2>
      <p className="hint">{t('file.editorHint')}</p>
      <textarea
        aria-label={t('file.editorLabel')}
        spellCheck={false}
        value={scenarioText.text}
        onChange={(event) => {
          scenarioText.setText(event.target.value);
          scenarioFile.edited();
        }}
      />
    </section>
  );
});
