// Small pieces the detail page's sections share: a dated fact in a <dl>, a step of a stepper.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

/** A fact of a `<dl className="facts">` whose value is a moment, with anything that follows it in the value. */
export function TimeFact({ label, at, className, children }: { label: string; at: string; className?: string; children?: ReactNode }) {
  const { formatDateTime } = useI18n();
  return (
    <div>
      <dt>{label}</dt>
      <dd className={className}>
        <time dateTime={at}>{formatDateTime(at)}</time>
        {children}
      </dd>
    </div>
  );
}

export type StepState = 'done' | 'current' | 'upcoming' | 'terminated';

/** A step of a stepper list: `<base> <base>-<state>` classes, `data-state`, and `aria-current` on the current one. */
export function Step({
  base,
  state,
  testId,
  data,
  children,
}: {
  base: string;
  state: StepState;
  testId: string;
  /** The step's own data attributes (`data-stage`, `data-phase`). */
  data: Record<`data-${string}`, string>;
  children: ReactNode;
}) {
  return (
    <li
      className={`${base} ${base}-${state}`}
      data-testid={testId}
      {...data}
      data-state={state}
      aria-current={state === 'current' ? 'step' : undefined}
    >
      {children}
    </li>
  );
}
