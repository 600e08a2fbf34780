import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Derivation } from '../../../estimator/confidence';
import type { EstimateInput } from '../../../estimator/training';
import { shippedCatalog } from '../../../estimator/cli/catalog';
import { parseArgs, run } from '../../../estimator/cli/estimate';
import { fileInput } from '../calibration/input';
import { cleanUp, freshDatabase, openStores } from '../calibration/test-support';
import { messageCatalog } from '../i18n';
import { DerivationBody } from './DerivationPanel';
import { derivationView } from './format';

afterEach(cleanUp);

/** What `npm run -s estimate -- --explain [--calibrations FILE]` prints for this input, parsed. */
function cli(input: EstimateInput, calibrationsFile: string | null): Derivation[] {
  const catalog = shippedCatalog();
  const argv = calibrationsFile ? ['--explain', '--calibrations', 'calibrations.json'] : ['--explain'];
  const args = parseArgs(argv, catalog, () => calibrationsFile ?? '');
  if (!args.ok) throw new Error(args.error);
  const out = run(JSON.stringify(fileInput(input)), catalog, args.options);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return (JSON.parse(out.stdout) as { derivations: Derivation[] }).derivations;
}

async function i18n(language: string) {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    resources: messageCatalog(),
    lng: language,
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return instance;
}

describe('the derivation panel shows what `npm run -s estimate -- --explain` prints', () => {
  it('for a 7B LoRA on an H100, as shipped and with a calibration on', async () => {
    const { calibrations, estimator } = await openStores(await freshDatabase('explain-parity'));
    const input = estimator.validation.input!;

    for (const calibrated of [false, true]) {
      if (calibrated) {
        const e = estimator.result!;
        const fit = await calibrations.fit(
          input,
          { peakMemoryBytes: e.memory.peakBytesPerGpu * 1.1, tokensPerSecond: e.throughput.tokensPerSecond * 0.85 },
          estimator.catalogSnapshot,
        );
        expect(fit.ok).toBe(true);
        await estimator.settled();
      }
      // Derived the app's way: the store asks the worker API (in-thread here), with the calibrations on.
      const shown = await estimator.explain();
      const printed = cli(input, calibrated ? calibrations.exportJson() : null);

      expect(shown?.map((d) => d.id)).toEqual(printed.map((d) => d.id));
      expect(shown!.length).toBeGreaterThanOrEqual(13);
      for (const language of ['en', 'zh-CN'])
        expect(shown!.map((d) => derivationView(d, language))).toEqual(printed.map((d) => derivationView(d, language)));
      // A calibration moves the explained peak exactly as it moves the estimate on screen.
      const peak = shown!.find((d) => d.id === 'memory.peak')!;
      expect(peak.value).toBeCloseTo(estimator.result!.memory.peakBytesPerGpu / (peak.unit === 'GB' ? 1e9 : 1), 6);
    }
  });

  it('renders every number of the printed derivation: value, inputs, constants and nearest rows', async () => {
    const { estimator } = await openStores(await freshDatabase('explain-render'));
    const printed = cli(estimator.validation.input!, null);
    const instance = await i18n('en');
    for (const d of printed) {
      const html = renderToStaticMarkup(
        <I18nextProvider i18n={instance}>
          <DerivationBody derivation={d} />
        </I18nextProvider>,
      );
      const view = derivationView(d, 'en');
      const text = html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'");
      expect(text, d.id).toContain(view.value);
      expect(text, d.id).toContain(d.formula);
      for (const i of view.inputs) expect(text, `${d.id} ${i.name}`).toContain(i.value);
      for (const c of view.constants) expect(text, `${d.id} ${c.name}`).toContain(c.value);
      for (const r of view.nearestRows) expect(text, `${d.id} ${r.case}`).toContain(r.errorPct);
    }
  });
});
