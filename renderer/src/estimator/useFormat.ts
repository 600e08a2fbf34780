import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quantity } from './format';

/** The estimator namespace's `t`, the language, and `show(quantity)`: "23.4 h", "23.4 小时". */
export function useFormat() {
  const { t, i18n } = useTranslation('estimator');
  const show = useCallback((q: Quantity) => t(`units.${q.unit}`, { value: q.value }), [t]);
  return { t, language: i18n.language, show };
}
