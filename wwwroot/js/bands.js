// Small shared renderers for band and lane-status marks: word + shape + colour, never colour alone.
import { h } from './dom.js';
import { laneStatus } from './format.js';
import { t } from './i18n.js';

export function bandMark(band, { chip = true, extraClass = '' } = {}) {
  return h('span', { class: `band band-${band}${chip ? ' chip' : ''}${extraClass ? ` ${extraClass}` : ''}` },
    h('span', { class: 'band-icon', 'aria-hidden': 'true' }),
    h('span', { class: 'band-word', text: t(`band.${band}`) }));
}

// 'resting' is no lane status: it is how every lane of a site outside its hours is shown, whatever its lead left it at.
const SHOWN_ONLY = ['resting'];

export function statusMark(status, { testid, extraClass = '' } = {}) {
  const known = SHOWN_ONLY.includes(status) ? status : laneStatus(status);
  return h('span', { class: `status status-${known}${extraClass ? ` ${extraClass}` : ''}`, 'data-testid': testid, dataset: { status: known } },
    h('span', { class: 'status-icon', 'aria-hidden': 'true' }),
    h('span', { class: 'status-word', text: t(`status.${known}`) }));
}

export function num(value, extraClass = '') {
  return h('span', { class: `num${extraClass ? ` ${extraClass}` : ''}`, text: value });
}
