import type { Derivation } from '../../../estimator/confidence';

/**
 * A number as the derivation panel shows it: integers exactly (a byte count rounded to 2,097,150 would
 * be wrong), fractions to 6 significant digits, tiny ones in scientific notation. Strings pass as they are.
 */
export function numberText(value: number | string, language: string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return new Intl.NumberFormat(language).format(value);
  return new Intl.NumberFormat(language, {
    maximumSignificantDigits: 6,
    notation: value !== 0 && Math.abs(value) < 1e-3 ? 'scientific' : 'standard',
  }).format(value);
}

export interface DerivationView {
  id: string;
  label: string;
  value: string;
  unit: string;
  formula: string;
  inputs: { name: string; value: string; unit: string }[];
  constants: { name: string; value: string; unit: string; source: string }[];
  band: { regime: string; lowerPct: number; upperPct: number; rows: number; basis: string } | null;
  nearestRows: {
    case: string;
    quantity: string;
    measured: string;
    predicted: string;
    unit: string;
    errorPct: string;
  }[];
}

/** What the panel shows of one derivation, every number as text: the unit under test for parity with the CLI. */
export function derivationView(d: Derivation, language: string): DerivationView {
  const n = (v: number | string) => numberText(v, language);
  return {
    id: d.id,
    label: d.label,
    value: n(d.value),
    unit: d.unit,
    formula: d.formula,
    inputs: d.inputs.map((i) => ({ name: i.name, value: n(i.value), unit: i.unit })),
    constants: d.constants.map((c) => ({ name: c.name, value: n(c.value), unit: c.unit, source: c.source })),
    band: d.band
      ? {
          regime: d.band.regime,
          lowerPct: d.band.lowerPct,
          upperPct: d.band.upperPct,
          rows: d.band.rows,
          basis: d.band.basis,
        }
      : null,
    nearestRows: d.nearestRows.map((r) => ({
      case: r.case,
      quantity: r.quantity,
      measured: n(r.measured),
      predicted: n(r.predicted),
      unit: r.unit,
      // Signed to a tenth of a percent, as the validation table prints errors.
      errorPct: `${r.errorPct > 0 ? '+' : r.errorPct < 0 ? '−' : ''}${new Intl.NumberFormat(language, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(Math.abs(r.errorPct))}%`,
    })),
  };
}
