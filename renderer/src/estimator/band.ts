import { formatNumber } from './format';

/** A band as percent of the prediction: the truth lies in [pred × (1 + lowerPct/100), pred × (1 + upperPct/100)]. */
export interface PercentBand {
  lowerPct: number;
  upperPct: number;
}

/** Bands are stored to a tenth of a percent; shown so, without a trailing ".0". */
const pct = (v: number, language: string) => formatNumber(Math.abs(v), language, 1, 0);

/** "± 4%" when the band is symmetric, else "−10% / +15%" (the minus is U+2212, as the domain's basis writes it). */
export function bandText(band: PercentBand, language: string): string {
  const low = pct(band.lowerPct, language);
  const high = pct(band.upperPct, language);
  if (low === high) return `± ${low}%`;
  return `${band.lowerPct <= 0 ? '−' : '+'}${low}% / ${band.upperPct < 0 ? '−' : '+'}${high}%`;
}

/**
 * The band of a quantity inverse to the banded one (step time against tokens/s): if the true speed is
 * up to `upperPct` above the prediction, the true step is up to 1 − 1/(1 + upperPct/100) shorter.
 */
export function inverseBand(band: PercentBand): PercentBand {
  const invert = (p: number) => (1 / (1 + p / 100) - 1) * 100;
  return { lowerPct: invert(band.upperPct), upperPct: invert(band.lowerPct) };
}
