// The "best time to come" section of a site's view: one sentence naming the best half-hour, the expected wait of every
// half-hour left today as bars (those about as good as the best highlighted, those too late to be swabbed hatched),
// and what the estimate rests on.
import { barChart } from './bar-chart.js';
import { h } from './dom.js';
import { basisText, bestSlot, bestTimeText, isNearBest, slotRangeText, slotWaitText } from './forecast.js';
import { fmtClock } from './format.js';
import { t } from './i18n.js';

// Below this the bars of a quiet day would look as alarming as a busy one's.
const MIN_SCALE_MINUTES = 10;

// Enough hour labels to read the axis on a phone without them running into each other.
const MAX_TICKS = 5;

// null when there is nothing to show (no forecast, or no opening hours left today).
export function bestTimeSection(forecast) {
  if (!forecast?.slots.length) return null;
  const { slots } = forecast;
  const best = bestSlot(slots);
  const sentence = bestTimeText(best);
  const basis = basisText(forecast.basis);
  return h('section', { class: 'best-time', 'data-testid': 'best-time' },
    h('h3', { class: 'best-time-heading', text: t('forecast.heading') }),
    h('p', { class: 'best-time-text', 'data-testid': 'best-time-text', text: sentence }),
    barChart({
      label: t('forecast.chartLabel', { best: sentence }),
      caption: t('forecast.tableCaption'),
      headings: [t('forecast.slotHeading'), t('forecast.waitHeading')],
      bars: bars(slots, best),
      legend: legend(slots, best),
    }),
    basis ? h('p', { class: 'best-time-basis', 'data-testid': 'best-time-basis', text: basis }) : null);
}

function bars(slots, best) {
  const scale = Math.max(MIN_SCALE_MINUTES, ...slots.map((slot) => slot.wait ?? 0));
  const ticks = tickSlots(slots);
  return slots.map((slot) => ({
    share: slot.wait == null ? 1 : slot.wait / scale,
    kind: slot.wait == null ? 'missing' : isNearBest(slot, best) ? 'best' : '',
    tick: ticks.has(slot) ? fmtClock(slot.from) : '',
    name: slotRangeText(slot),
    valueText: slotWaitText(slot),
  }));
}

// Whole hours of the district's clock (a half-hour zone's device would find none), every so many of them that at most
// MAX_TICKS fit under the bars; the first slot when none is on the hour.
function tickSlots(slots) {
  const hours = slots.filter((slot) => fmtClock(slot.from).endsWith(':00'));
  if (hours.length === 0) return new Set(slots.slice(0, 1));
  const every = Math.ceil(hours.length / MAX_TICKS);
  return new Set(hours.filter((slot, i) => i % every === 0));
}

function legend(slots, best) {
  return [
    best ? { kind: 'best', text: t('forecast.legendBest') } : null,
    slots.some((slot) => slot.wait == null) ? { kind: 'missing', text: t('forecast.missing') } : null,
  ].filter(Boolean);
}
