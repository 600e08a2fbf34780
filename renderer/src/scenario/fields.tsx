import { observer } from 'mobx-react-lite';
import { useState, type ReactNode } from 'react';
import { useStores } from '../app/stores';
import { CheckField, NumberField, SelectField } from '../estimator/fields';
import { numberFromText } from '../estimator/form';
import { fieldKey, getIn, setIn, type Path, type RawScenario } from './raw';

/** The source a price typed here is given, as the catalog does for prices typed in its grid. */
export const USER_SOURCE = 'entered by the user';
const today = () => new Date().toISOString().slice(0, 10);

/** The price at `price` marked as the user's own figure as of today (a typed price is no longer its source's). */
function stamped(raw: RawScenario, price: Path): RawScenario {
  const current = getIn(raw, price);
  if (!current || typeof current !== 'object') return raw;
  return setIn(raw, price, { ...current, asOf: today(), source: USER_SOURCE });
}

/** The element id of the field bound to `path`: `sc-workload-runsPerMonth`. */
export const fieldId = (path: Path): string => `sc-${path.join('-')}`;

interface Bound {
  path: Path;
  label: string;
  hint?: ReactNode;
  placeholder?: string;
  wide?: boolean;
}

/** How a stored number reads in its box: grouped, every decimal kept ("2,000,000,000", "0.0806"). */
const shown = (value: unknown): string =>
  typeof value === 'number'
    ? value.toLocaleString('en-US', { maximumFractionDigits: 20 })
    : value === undefined || value === null
      ? ''
      : String(value);

function useBound(path: Path) {
  const { scenarios } = useStores();
  return { scenarios, value: getIn(scenarios.raw, path), error: scenarios.errors[fieldKey(path)] };
}

/**
 * A number of the open scenario, at `path`. What is typed stays in the box as typed while it has the
 * focus; the scenario gets a number when it is one and the text otherwise, so the domain's schema
 * names the field and the allowed range beside it. An emptied box leaves the field out (its default).
 */
export const ScenarioNumber = observer(function ScenarioNumber({
  path,
  suffixes,
  price,
  ...rest
}: Bound & { suffixes?: boolean; price?: Path }) {
  const { scenarios, value, error } = useBound(path);
  const [typing, setTyping] = useState<string | null>(null);
  const key = fieldKey(path);
  return (
    <div className="bound" onBlur={() => setTyping(null)}>
      <NumberField
        id={fieldId(path)}
        value={typing ?? shown(value)}
        error={error}
        onChange={(text) => {
          setTyping(text);
          const next = numberFromText(text, suffixes);
          // `price`: the object this amount belongs to, which then says who gave the figure and when.
          if (price) scenarios.change((raw) => stamped(setIn(raw, path, next), price), key);
          else scenarios.edit(path, next);
        }}
        {...rest}
      />
    </div>
  );
});

/** Free text of the open scenario (a name, a source, a date); `emptyIs` is what an emptied box stores. */
export const ScenarioText = observer(function ScenarioText({
  path,
  emptyIs,
  ...rest
}: Bound & { emptyIs?: '' | undefined }) {
  const { scenarios, value, error } = useBound(path);
  return (
    <NumberField
      id={fieldId(path)}
      inputMode="text"
      value={shown(value)}
      error={error}
      onChange={(text) => scenarios.edit(path, text === '' ? emptyIs : text)}
      {...rest}
    />
  );
});

export const ScenarioSelect = observer(function ScenarioSelect<T extends string>({
  path,
  options,
  label,
  hint,
  wide,
}: Bound & { options: readonly { value: T; label: string }[] }) {
  const { scenarios, value, error } = useBound(path);
  const current = shown(value) as T;
  const known = options.some((o) => o.value === current);
  return (
    <SelectField
      id={fieldId(path)}
      label={label}
      hint={hint}
      wide={wide}
      value={current}
      error={error}
      // A value the list does not offer (typed into the file) stays visible, and the schema says why.
      options={known ? options : [...options, { value: current, label: current }]}
      onChange={(v) => scenarios.edit(path, v)}
    />
  );
});

export const ScenarioCheck = observer(function ScenarioCheck({ path, label }: Bound) {
  const { scenarios, value, error } = useBound(path);
  return (
    <CheckField
      id={fieldId(path)}
      label={label}
      checked={value === true}
      error={error}
      onChange={(checked) => scenarios.edit(path, checked)}
    />
  );
});
