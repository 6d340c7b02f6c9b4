import type { CultivationDetail, StageRecordFields } from '../../graphql/cultivationDetail';
import type { Stage } from '../../graphql/operations';
import { STAGES } from '../../domain';
import { useI18n } from '../../i18n';
import { useTimeFormat } from './format';

/** The four working stages a cultivation passes through before it is COMPLETED. */
const WORKING_STAGES = STAGES.filter((stage) => stage !== 'COMPLETED');

type StepState = 'done' | 'current' | 'upcoming' | 'terminated';

function stepState(stage: Stage, record: StageRecordFields | undefined, cultivation: CultivationDetail): StepState {
  if (cultivation.stage === stage) return cultivation.status === 'TERMINATED' ? 'terminated' : 'current';
  return record ? 'done' : 'upcoming';
}

/** The four working stages in order, the current one highlighted, each planned against actual. */
export function StageStrip({ cultivation }: { cultivation: CultivationDetail }) {
  const { t, formatDateTime } = useI18n();
  const time = useTimeFormat();

  // The latest record of each stage (a stage is entered once today, but the last one is what counts).
  const records = new Map<Stage, StageRecordFields>();
  for (const record of cultivation.stageHistory) records.set(record.stage, record);

  return (
    <section className="card" aria-labelledby="stages-title">
      <div className="card-header card-header-plain">
        <h2 id="stages-title">{t('stages.title')}</h2>
      </div>
      <ol className="stage-strip">
        {WORKING_STAGES.map((stage, index) => {
          const record = records.get(stage);
          const state = stepState(stage, record, cultivation);
          const lateSeconds =
            record?.leftAt && Date.parse(record.leftAt) > Date.parse(record.plannedDeadline)
              ? (Date.parse(record.leftAt) - Date.parse(record.plannedDeadline)) / 1000
              : 0;
          return (
            <li
              key={stage}
              className={`stage-step stage-step-${state}`}
              data-testid="stage-step"
              data-stage={stage}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <div className="stage-step-head">
                <span className="stage-step-number" aria-hidden="true">
                  {state === 'done' ? '✓' : index + 1}
                </span>
                <span className="stage-step-name">{t(`stage.${stage}`)}</span>
              </div>
              <div className="stage-step-state">
                {state === 'done'
                  ? t('stages.done')
                  : state === 'current'
                    ? t('stages.current')
                    : state === 'terminated'
                      ? t('stages.terminated')
                      : t('stages.upcoming')}
              </div>
              {record && (
                <dl className="stage-step-facts">
                  <div>
                    <dt>{t('stages.entered')}</dt>
                    <dd>
                      <time dateTime={record.enteredAt}>{formatDateTime(record.enteredAt)}</time>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('stages.planned')}</dt>
                    <dd>
                      <time dateTime={record.plannedDeadline}>{formatDateTime(record.plannedDeadline)}</time>
                    </dd>
                  </div>
                  {record.deadline !== record.plannedDeadline && (
                    <div>
                      <dt>{t('stages.deadline')}</dt>
                      <dd>
                        <time dateTime={record.deadline}>{formatDateTime(record.deadline)}</time>
                      </dd>
                    </div>
                  )}
                  {record.leftAt && (
                    <div>
                      <dt>{t('stages.left')}</dt>
                      <dd>
                        <time dateTime={record.leftAt}>{formatDateTime(record.leftAt)}</time>
                        <span className={lateSeconds > 0 ? 'stage-step-late' : 'stage-step-ontime'}>
                          {lateSeconds > 0 ? t('stages.late', { duration: time.duration(lateSeconds) }) : t('stages.onTime')}
                        </span>
                      </dd>
                    </div>
                  )}
                  {record.pausedSeconds > 0 && (
                    <div>
                      <dt className="visually-hidden">{t('cultivationStatus.PAUSED')}</dt>
                      <dd className="muted">{t('stages.paused', { duration: time.duration(record.pausedSeconds) })}</dd>
                    </div>
                  )}
                </dl>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
