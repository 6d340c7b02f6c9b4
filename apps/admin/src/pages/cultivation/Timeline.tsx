import type { TimelineEventFields } from '../../graphql/cultivationDetail';
import type { EscalationType, Stage, TimelineKind } from '../../graphql/operations';
import { isStage } from '../../domain';
import { EmptyState } from '../../components/states';
import { useI18n, type I18n, type MessageKey } from '../../i18n';
import { useTimeFormat, type TimeFormat } from './format';

const KINDS: readonly TimelineKind[] = [
  'STAGE_ENTERED',
  'GATE_EVALUATED',
  'GATE_APPROVED',
  'DEADLINE_EXTENDED',
  'PAUSED',
  'RESUMED',
  'ESCALATION_RAISED',
  'ESCALATION_CLIMBED',
  'ESCALATION_ACKNOWLEDGED',
  'ESCALATION_RESOLVED',
  'DEVIATION_FLAGGED',
  'CORRECTION_PLAN_SUBMITTED',
  'TERMINATED',
  'COMPLETED',
];
const ESCALATION_TYPES: readonly string[] = ['DELAY', 'INTERRUPTION', 'DEVIATION', 'PERFORMANCE'];

const KIND_TONES: Partial<Record<TimelineKind, string>> = {
  ESCALATION_RAISED: 'danger',
  ESCALATION_CLIMBED: 'danger',
  DEVIATION_FLAGGED: 'danger',
  TERMINATED: 'danger',
  PAUSED: 'warning',
  DEADLINE_EXTENDED: 'warning',
  GATE_APPROVED: 'success',
  ESCALATION_RESOLVED: 'success',
  COMPLETED: 'success',
  STAGE_ENTERED: 'info',
};

function isKind(kind: string): kind is TimelineKind {
  return (KINDS as readonly string[]).includes(kind);
}

type Details = Record<string, unknown>;

function parseDetails(json: string): Details {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Details) : {};
  } catch {
    return {};
  }
}

/** One line saying what the event was about, from its recorded details; null when there is nothing to add. */
function summarise(kind: TimelineKind, d: Details, i18n: I18n, time: TimeFormat): string | null {
  const { t, formatDateTime, formatNumber } = i18n;
  const text = (key: string) => (typeof d[key] === 'string' && (d[key] as string).trim() ? (d[key] as string) : null);
  const num = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);
  const stage = (key: string) => (isStage(d[key]) ? t(`stage.${d[key] as Stage}`) : null);
  switch (kind) {
    case 'STAGE_ENTERED': {
      const name = stage('stage');
      const deadline = text('deadline');
      return name && deadline ? t('timeline.stageEntered', { stage: name, deadline: formatDateTime(deadline) }) : name;
    }
    case 'GATE_EVALUATED': {
      const gate = d['gate'] as { criteria?: { met?: boolean }[] } | undefined;
      const criteria = Array.isArray(gate?.criteria) ? gate.criteria : null;
      if (!criteria || criteria.length === 0) return null;
      return t('timeline.gateEvaluated', {
        met: formatNumber(criteria.filter((c) => c?.met).length),
        total: formatNumber(criteria.length),
      });
    }
    case 'DEADLINE_EXTENDED': {
      const from = text('from');
      const to = text('to');
      const reason = text('reason');
      const span = from && to ? t('timeline.extended', { from: formatDateTime(from), to: formatDateTime(to) }) : null;
      const why = reason === 'paused time' && d['by'] == null ? t('timeline.pausedTime') : reason;
      return [span, why].filter(Boolean).join(' · ') || null;
    }
    case 'RESUMED': {
      const seconds = num('pausedSeconds');
      return seconds !== null ? t('timeline.resumedAfter', { duration: time.duration(seconds) }) : null;
    }
    case 'ESCALATION_RAISED':
    case 'ESCALATION_CLIMBED':
    case 'ESCALATION_ACKNOWLEDGED': {
      const type = typeof d['type'] === 'string' && ESCALATION_TYPES.includes(d['type']) ? t(`escalationType.${d['type'] as EscalationType}`) : null;
      const level = num('level');
      const levelText = level !== null ? t('escalations.level', { level: formatNumber(level) }) : null;
      const head = type && level !== null ? t('timeline.escalation', { type, level: formatNumber(level) }) : levelText;
      return [head ?? text('key'), text('plan')].filter(Boolean).join(' · ') || null;
    }
    case 'ESCALATION_RESOLVED': {
      const resolution = text('resolution');
      if (!resolution) return text('key');
      const key = `resolution.${resolution}`;
      const localised = t(key as MessageKey);
      return localised === key ? resolution : localised;
    }
    case 'GATE_APPROVED':
      return text('note');
    case 'PAUSED':
    case 'TERMINATED':
      return text('reason');
    case 'DEVIATION_FLAGGED': {
      const due = text('correctionDueAt');
      return [text('note'), due ? `${t('deviation.correctionDueAt')} ${formatDateTime(due)}` : null].filter(Boolean).join(' · ') || null;
    }
    case 'CORRECTION_PLAN_SUBMITTED':
      return text('plan');
    case 'COMPLETED':
    default:
      return null;
  }
}

/** Every recorded event of the process, newest first. */
export function Timeline({ events }: { events: TimelineEventFields[] }) {
  const i18n = useI18n();
  const time = useTimeFormat();
  const { t, formatDateTime } = i18n;
  const rows = [...events].sort((a, b) => b.sequence - a.sequence);

  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card-header card-header-plain">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
      </div>
      {rows.length === 0 ? (
        <EmptyState message={t('timeline.empty')} />
      ) : (
        <ol className="timeline" data-testid="timeline">
          {rows.map((event) => {
            const known = isKind(event.kind);
            const summary = known ? summarise(event.kind as TimelineKind, parseDetails(event.details), i18n, time) : null;
            const tone = known ? (KIND_TONES[event.kind as TimelineKind] ?? 'muted') : 'muted';
            return (
              <li key={event.sequence} className="timeline-event" data-testid="timeline-event" data-kind={event.kind} data-sequence={event.sequence}>
                <span className={`timeline-dot timeline-dot-${tone}`} aria-hidden="true" />
                <div className="timeline-body">
                  <div className="timeline-head">
                    <span className="timeline-kind">{known ? t(`timelineKind.${event.kind as TimelineKind}`) : event.kind}</span>
                    <time dateTime={event.at} className="muted">
                      {formatDateTime(event.at)}
                    </time>
                    <span className="timeline-actor">{event.actorRole ? t(`role.${event.actorRole}`) : t('timeline.system')}</span>
                  </div>
                  {summary && <div className="timeline-summary">{summary}</div>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
