/**
 * Numbers as the estimator screen shows them, in the user's language (grouping, decimal mark). Each
 * function returns the number and the unit key it goes with (`units.*` in the estimator namespace), so
 * the message catalog owns the words ("h", "小时") and the page only joins them.
 */

export type UnitKey =
  | 'gb'
  | 'gib'
  | 'tokensPerSecond'
  | 'ms'
  | 's'
  | 'min'
  | 'h'
  | 'days'
  | 'gpuHours'
  | 'w'
  | 'kw'
  | 'kwh'
  | 'mwh'
  | 'percent'
  | 'count'
  | 'millions'
  | 'billions';

export interface Quantity {
  value: string;
  unit: UnitKey;
}

const GB = 1e9;

export function formatNumber(value: number, language: string, digits = 0, minDigits = digits): string {
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: digits,
    minimumFractionDigits: minDigits,
  }).format(value);
}

/** Bytes as GB (10^9 bytes, the unit the estimator's notes use), one decimal. */
export const formatGB = (bytes: number, language: string): Quantity => ({
  value: formatNumber(bytes / GB, language, 1),
  unit: 'gb',
});

/** A GPU's labelled memory ("80GB" cards hold 80 GiB). */
export const formatGiB = (bytes: number, language: string): Quantity => ({
  value: formatNumber(bytes / 2 ** 30, language, 0),
  unit: 'gib',
});

export const formatTokensPerSecond = (tokensPerSecond: number, language: string): Quantity => ({
  value: formatNumber(tokensPerSecond, language, tokensPerSecond < 100 ? 1 : 0),
  unit: 'tokensPerSecond',
});

/** A step: milliseconds under a second, seconds under two minutes, then minutes. */
export function formatStep(seconds: number, language: string): Quantity {
  if (seconds < 1) return { value: formatNumber(seconds * 1000, language, 0), unit: 'ms' };
  if (seconds < 120) return { value: formatNumber(seconds, language, seconds < 10 ? 2 : 1), unit: 's' };
  return { value: formatNumber(seconds / 60, language, 1), unit: 'min' };
}

/** A training run: minutes under an hour, hours under three days, then days. */
export function formatDuration(seconds: number, language: string): Quantity {
  const hours = seconds / 3600;
  if (hours < 1) return { value: formatNumber(Math.max(1, Math.round(seconds / 60)), language, 0), unit: 'min' };
  if (hours < 72) return { value: formatNumber(hours, language, 1), unit: 'h' };
  return { value: formatNumber(hours / 24, language, 1), unit: 'days' };
}

export const formatGpuHours = (gpuHours: number, language: string): Quantity => ({
  value: formatNumber(gpuHours, language, gpuHours < 100 ? 1 : 0),
  unit: 'gpuHours',
});

/** Watts under 10 kW, then kW. */
export function formatPower(watts: number, language: string): Quantity {
  if (watts < 10_000) return { value: formatNumber(watts, language, 0), unit: 'w' };
  return { value: formatNumber(watts / 1000, language, 1), unit: 'kw' };
}

/** kWh under 10 MWh, then MWh. */
export function formatEnergy(kWh: number, language: string): Quantity {
  if (kWh < 10_000) return { value: formatNumber(kWh, language, kWh < 100 ? 1 : 0), unit: 'kwh' };
  return { value: formatNumber(kWh / 1000, language, 1), unit: 'mwh' };
}

export const formatPercent = (fraction: number, language: string, digits = 1): Quantity => ({
  value: formatNumber(fraction * 100, language, digits),
  unit: 'percent',
});

/** Large counts (parameters, tokens): 6.91 B, 37.5 M (B = 10^9, M = 10^6). */
export function formatCount(count: number, language: string): Quantity {
  if (count >= 1e9) return { value: formatNumber(count / 1e9, language, count >= 1e11 ? 0 : 2, 0), unit: 'billions' };
  if (count >= 1e6) return { value: formatNumber(count / 1e6, language, 1, 0), unit: 'millions' };
  return { value: formatNumber(count, language, 0), unit: 'count' };
}
