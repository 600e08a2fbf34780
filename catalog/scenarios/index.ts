import cpt7b from './cpt-7b-100b-tokens.scenario.json';
import fullFt67b from './full-ft-deepseek-67b.scenario.json';
import lora7b from './lora-deepseek-7b.scenario.json';

/**
 * The example scenarios shipped with the app, as the files hold them. Open one with
 * `openScenario(raw)` (estimator/scenario), which migrates older versions and fills defaults;
 * `npm run -s compare -- catalog/scenarios/<file>` prints the same comparison the app shows.
 */
export interface ShippedScenario {
  /** File name inside catalog/scenarios. */
  readonly file: string;
  readonly name: string;
  readonly raw: unknown;
}

const entry = (file: string, raw: { name: string }): ShippedScenario => ({ file, name: raw.name, raw });

export const SHIPPED_SCENARIOS: readonly ShippedScenario[] = [
  entry('lora-deepseek-7b.scenario.json', lora7b),
  entry('full-ft-deepseek-67b.scenario.json', fullFt67b),
  entry('cpt-7b-100b-tokens.scenario.json', cpt7b),
];
