import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { DerivationId } from '../../../estimator/confidence';
import type { CostLine } from '../../../estimator/costing/types';

/** What a clicked figure asks to explain: a figure of the estimate, or one cost line of a scenario option. */
export type ExplainTarget = { kind: 'estimate'; id: DerivationId } | { kind: 'cost'; line: CostLine; option: string };

interface ExplainState {
  target: ExplainTarget | null;
  open(target: ExplainTarget): void;
  close(): void;
}

const ExplainContext = createContext<ExplainState | null>(null);

/** A screen area whose figures open the derivation panel; `panel` draws it beside `children`. */
export function ExplainScope({
  children,
  panel,
}: {
  children: ReactNode;
  panel: (target: ExplainTarget, close: () => void) => ReactNode;
}) {
  const [target, setTarget] = useState<ExplainTarget | null>(null);
  const close = useCallback(() => setTarget(null), []);
  return (
    <ExplainContext.Provider value={{ target, open: setTarget, close }}>
      {children}
      {target && panel(target, close)}
    </ExplainContext.Provider>
  );
}

/** The scope's state; null outside one (figures then are plain text). */
export function useExplain(): ExplainState | null {
  return useContext(ExplainContext);
}
