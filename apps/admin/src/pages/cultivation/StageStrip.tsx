import type { CultivationDetail, StageRecordFields } from '../../graphql/cultivationDetail';
import type { Stage } from '../../graphql/operations';
import { STAGES } from '../../domain';
import { useI18n } from '../../i18n';
import { useTimeFormat } from './format';
import { Step, TimeFact, type StepState } from './parts';

/** The four working stages a cultivation passes through before it is COMPLETED. */
const WORKING_STAGES = STAGES.filter((stage) => stage !== 'COMPLETED');

function stepState(stage: Stage, record: StageRecordFields | undefined, cultivation: CultivationDetail): StepState {
  if (cultivation.stage === stage) return cultivation.status === 'TERMINATED' ? 'terminated' : 'current';
  return record ? 'done' : 'upcoming';
}

/** The four working stages in order, the current one highlighted, each planned against actual. */
export function StageStrip({ cultivation }: { cultivation: CultivationDetail }) {
  const { t } = useI18n();
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
            <Step key={stage} base="stage-step" state={state} testId="stage-step" data={{ 'data-stage': stage }}>
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
                  <TimeFact label={t('stages.entered')} at={record.enteredAt} />
                  <TimeFact label={t('stages.planned')} at={record.plannedDeadline} />
                  {record.deadline !== record.plannedDeadline && (
                    <TimeFact label={t('stages.deadline')} at={record.deadline} />
                  )}
                  {record.leftAt && (
                    <TimeFact label={t('stages.left')} at={record.leftAt}>
                      <span className={lateSeconds > 0 ? 'stage-step-late' : 'stage-step-ontime'}>
                        {lateSeconds > 0 ? t('stages.late', { duration: time.duration(lateSeconds) }) : t('stages.onTime')}
                      </span>
                    </TimeFact>
                  )}
                  {record.pausedSeconds > 0 && (
                    <div>
                      <dt className="visually-hidden">{t('cultivationStatus.PAUSED')}</dt>
                      <dd className="muted">{t('stages.paused', { duration: time.duration(record.pausedSeconds) })}</dd>
                    </div>
                  )}
                </dl>
              )}
            </Step>
          );
        })}
      </ol>
    </section>
  );
}
