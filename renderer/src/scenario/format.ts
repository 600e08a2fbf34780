import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonRow } from '../../../estimator/compare';
import { minorDigits } from '../../../estimator/scenario';
import { formatNumber } from '../estimator/format';

/**
 * Numbers as the scenario screens show them, in the user's language. Money keeps every cent the
 * comparison has (what finance is handed must add up to what `npm run -s compare` prints).
 */
export function formatMoney(amount: number, currency: string, language: string): string {
  const digits = minorDigits(currency as Parameters<typeof minorDigits>[0]);
  return `${currency} ${formatNumber(amount, language, digits)}`;
}

/** The scenario namespace's `t`, the language, and formatters that put the units in the message catalog's words. */
export function useScenarioFormat() {
  const { t, i18n } = useTranslation('scenario');
  const language = i18n.language;
  const num = useCallback((value: number, digits = 0) => formatNumber(value, language, digits), [language]);
  const money = useCallback((amount: number, currency: string) => formatMoney(amount, currency, language), [language]);
  const hours = useCallback(
    (h: number) => t('estimator:units.h', { value: formatNumber(h, language, h < 10 ? 2 : 1) }),
    [t, language],
  );
  const kw = useCallback(
    (v: number) => t('estimator:units.kw', { value: formatNumber(v, language, 1) }),
    [t, language],
  );
  const kwh = useCallback(
    (v: number) => t('estimator:units.kwh', { value: formatNumber(v, language, 0) }),
    [t, language],
  );
  /** What an option is: "Owned", "Cluster", "Cloud · spot". */
  const kindText = useCallback(
    (row: Pick<ComparisonRow, 'kind' | 'pricing'>) =>
      row.pricing ? `${t(`kind.${row.kind}`)} · ${t(`pricing.${row.pricing}`)}` : t(`kind.${row.kind}`),
    [t],
  );
  return { t, language, num, money, hours, kw, kwh, kindText };
}

/**
 * What each option is called on screen: its label, and where two options share one (the same cloud
 * instance at three pricings) what tells them apart: the pricing or kind, then the count, then the id.
 */
export function useOptionNames(rows: readonly ComparisonRow[]): (optionId: string) => string {
  const { t } = useTranslation('scenario');
  return useMemo(() => {
    const names = new Map(rows.map((r) => [r.optionId, r.label]));
    const refine = (extra: (r: ComparisonRow) => string) => {
      const seen = new Map<string, number>();
      for (const name of names.values()) seen.set(name, (seen.get(name) ?? 0) + 1);
      for (const r of rows) {
        const name = names.get(r.optionId)!;
        if (seen.get(name)! > 1) names.set(r.optionId, `${name} · ${extra(r)}`);
      }
    };
    refine((r) => (r.pricing ? t(`pricing.${r.pricing}`) : t(`kind.${r.kind}`)));
    refine((r) => t('names.times', { n: r.nodes }));
    refine((r) => r.optionId);
    return (optionId: string) => names.get(optionId) ?? optionId;
  }, [rows, t]);
}
