// The daily summary's hour-by-hour charts of the district (bar-chart.js): arrived beside served, the longest queue
// and the mean posted wait. Each is drawn to a round scale written above it, because a printed page has no hidden
// table to read the numbers from.
import { barChart } from './bar-chart.js';
import { h } from './dom.js';
import { fmtInt, fmtRate } from './format.js';
import { t } from './i18n.js';

// Below these a quiet day's bars would look as alarming as a busy day's.
const MIN_PEOPLE_SCALE = 10;
const MIN_WAIT_SCALE = 10;

const STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

// The smallest round number (1, 1.5, 2 … 8 times a power of ten) at or above both.
function roundScale(value, floor) {
  const top = Math.max(floor, value);
  const power = 10 ** Math.floor(Math.log10(top));
  return STEPS.find((step) => step * power >= top) * power;
}

const pad = (n) => String(n).padStart(2, '0');
const hourRange = (hour) => `${pad(hour)}:00–${pad(hour + 1)}:00`;

// A label under every hour while they fit, else under every second or third; never so near the end that it would
// run out past the last bar.
function ticker(hours) {
  const every = hours.length > 12 ? 3 : hours.length > 6 ? 2 : 1;
  return (hour, i) => (hour % every === 0 && i + every <= hours.length ? t('summary.hourTick', { h: hour }) : '');
}

// The hour with the most of `field`, or null when every hour has none.
function peakHour(hours, field) {
  return hours.reduce((best, x) => ((x[field] ?? 0) > (best?.[field] ?? 0) ? x : best), null);
}

const peopleText = (n) => (n == null ? t('summary.noData') : t('summary.people', { n: fmtInt(n) }));
const waitText = (n) => (n == null ? t('summary.noWait') : t('summary.minutes', { n: fmtRate(n) }));

function flowChart(hours) {
  const scale = roundScale(Math.max(0, ...hours.flatMap((x) => [x.arrived ?? 0, x.served ?? 0])), MIN_PEOPLE_SCALE);
  const peak = peakHour(hours, 'served');
  const tick = ticker(hours);
  return barChart({
    label: t('summary.flowChartLabel', {
      peak: peak ? t('summary.flowPeak', { hour: hourRange(peak.hour), n: fmtInt(peak.served) }) : t('summary.noData'),
    }),
    caption: t('summary.flowCaption'),
    headings: [t('summary.hourHeading'), t('summary.arrived'), t('summary.served')],
    scale: t('summary.people', { n: fmtInt(scale) }),
    legend: [{ kind: '', text: t('summary.arrived') }, { kind: 'alt', text: t('summary.served') }],
    bars: hours.map((x, i) => ({
      parts: [{ share: (x.arrived ?? 0) / scale, kind: '' }, { share: (x.served ?? 0) / scale, kind: 'alt' }],
      tick: tick(x.hour, i),
      name: hourRange(x.hour),
      valueText: [peopleText(x.arrived), peopleText(x.served)],
    })),
  });
}

function queueChart(hours) {
  const scale = roundScale(Math.max(0, ...hours.map((x) => x.peakQueue ?? 0)), MIN_PEOPLE_SCALE);
  const peak = peakHour(hours, 'peakQueue');
  const tick = ticker(hours);
  return barChart({
    label: t('summary.queueChartLabel', {
      peak: peak ? t('summary.queuePeak', { hour: hourRange(peak.hour), n: fmtInt(peak.peakQueue) }) : t('summary.noData'),
    }),
    caption: t('summary.queueCaption'),
    headings: [t('summary.hourHeading'), t('summary.peakQueue')],
    scale: t('summary.people', { n: fmtInt(scale) }),
    bars: hours.map((x, i) => ({
      share: (x.peakQueue ?? 0) / scale,
      tick: tick(x.hour, i),
      name: hourRange(x.hour),
      valueText: peopleText(x.peakQueue),
    })),
  });
}

function waitChart(hours) {
  const scale = roundScale(Math.max(0, ...hours.map((x) => x.meanWaitMinutes ?? 0)), MIN_WAIT_SCALE);
  const peak = peakHour(hours, 'meanWaitMinutes');
  const tick = ticker(hours);
  return barChart({
    label: t('summary.waitChartLabel', {
      peak: peak ? t('summary.waitPeak', { hour: hourRange(peak.hour), n: fmtRate(peak.meanWaitMinutes) }) : t('summary.noWaitAllDay'),
    }),
    caption: t('summary.waitCaption'),
    headings: [t('summary.hourHeading'), t('summary.meanWait')],
    scale: t('summary.minutes', { n: fmtInt(scale) }),
    bars: hours.map((x, i) => ({
      share: (x.meanWaitMinutes ?? 0) / scale,
      tick: tick(x.hour, i),
      name: hourRange(x.hour),
      valueText: waitText(x.meanWaitMinutes),
    })),
  });
}

// hours: the district's hours of the day, in order, as summary.js reads them.
export function renderCharts(targets, hours) {
  if (hours.length === 0) {
    for (const target of Object.values(targets)) target.replaceChildren(h('p', { class: 'chart-empty', text: t('summary.noHours') }));
    return;
  }
  targets.flow.replaceChildren(flowChart(hours));
  targets.queue.replaceChildren(queueChart(hours));
  targets.wait.replaceChildren(waitChart(hours));
}
