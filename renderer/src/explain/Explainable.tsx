import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useExplain, type ExplainTarget } from './context';

const sameTarget = (a: ExplainTarget | null, b: ExplainTarget) =>
  !!a &&
  a.kind === b.kind &&
  (a.kind === 'estimate' ? a.id === (b as typeof a).id : a.line.id === (b as typeof a).line.id);

/** A figure the user can click to see where it comes from; plain text outside an ExplainScope. */
export function Explainable({
  target,
  label,
  children,
}: {
  target: ExplainTarget;
  label: string;
  children: ReactNode;
}) {
  const explain = useExplain();
  const { t } = useTranslation('calibration');
  if (!explain) return <>{children}</>;
  const id = target.kind === 'estimate' ? target.id : `cost.${target.line.id}`;
  return (
    <button
      type="button"
      className="explainable"
      data-explain={id}
      aria-pressed={sameTarget(explain.target, target)}
      title={t('explain.open', { figure: label })}
      onClick={() => explain.open(target)}
    >
      {children}
    </button>
  );
}
