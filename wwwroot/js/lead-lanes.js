// The lead console's lane cards: live state with pending taps applied, big buttons, head count.
import { statusMark } from './bands.js';
import { h, setAttr, setText } from './dom.js';
import { breakText, laneRange, rangeText } from './estimates.js';
import {
  fmtInt, fmtMinutesValue, fmtRate, isGreenLane, isGreenName, laneName, laneStatus,
} from './format.js';
import { t, tNodes } from './i18n.js';

export const MAX_HEADCOUNT = 100000;

// What the lead should see: the server's lane with every not-yet-confirmed tap applied in order,
// held ones included, so the figures are always what the server will have once the phone is done.
export function laneView(lane, acked, pendingItems) {
  let queue = lane.queueLength ?? 0;
  let { status } = lane;
  const events = [...acked, ...pendingItems].filter((e) => e.lane === lane.id);
  for (const e of events) {
    if (e.type === 'arrived') queue += e.count;
    else if (e.type === 'served') queue = Math.max(0, queue - e.count);
    else if (e.type === 'queue') queue = e.count;
    else if (e.type === 'status') status = e.status;
  }
  const delta = queue - (lane.queueLength ?? 0);
  const pending = pendingItems.filter((e) => e.lane === lane.id).length;
  return { queue, status: laneStatus(status), delta, pending };
}

// `el`: {list, nav, navList, empty}; `onTap(laneId, type, fields)` records one event.
export function createLanePanel(el, onTap) {
  const cards = new Map();

  function renderLaneNav(lanes) {
    el.nav.hidden = lanes.length < 4;
    const signature = JSON.stringify([t('lang.toggle'), lanes.map((l) => [l.id, l.name])]);
    if (el.nav.dataset.signature === signature) return;
    el.nav.dataset.signature = signature;
    el.navList.replaceChildren(...lanes.map((lane) => h('li', {},
      h('a', { href: `#lane-card-${lane.id}`, class: 'lane-nav-link', text: laneName(lane) }))));
  }

  function createCard(laneId) {
    const nameId = `lane-name-${laneId}`;
    const name = h('h3', { id: nameId, class: 'lane-name' });
    const kind = h('span', { class: 'lane-kind' });
    const pendingCount = h('span', { class: 'num', 'data-testid': 'lane-pending-count' });
    const pendingLabel = h('span', {});
    const pendingBadge = h('span', { class: 'lane-pending', hidden: true }, pendingCount, ' ', pendingLabel);
    const status = h('span', { class: 'lane-status' });
    const queue = h('span', { class: 'num lead-queue', 'data-testid': 'lead-queue' });
    const queueLine = h('span', { class: 'lane-queue' });
    const delta = h('span', { class: 'lane-delta', hidden: true });
    const wait = h('span', { class: 'lane-wait', 'data-testid': 'lead-wait' });
    const pause = h('span', { class: 'lane-pause', 'data-testid': 'lane-pause', hidden: true });

    const button = (testid, className, onclick) => h('button', {
      type: 'button', class: `big-btn ${className}`, 'data-testid': testid, 'aria-describedby': nameId, onclick,
    });
    const buttons = {
      arrived1: button('arrived-1', 'btn-arrived', () => onTap(laneId, 'arrived', { count: 1 })),
      arrived5: button('arrived-5', 'btn-arrived', () => onTap(laneId, 'arrived', { count: 5 })),
      served1: button('served-1', 'btn-served', () => onTap(laneId, 'served', { count: 1 })),
      served10: button('served-10', 'btn-served', () => onTap(laneId, 'served', { count: 10 })),
      open: button('open', 'btn-status btn-open', () => onTap(laneId, 'status', { status: 'open' })),
      pause: button('pause', 'btn-status btn-pause', () => onTap(laneId, 'status', { status: 'paused' })),
      close: button('close', 'btn-status btn-close', () => onTap(laneId, 'status', { status: 'closed' })),
    };
    const inputId = `headcount-${laneId}`;
    const errorId = `headcount-error-${laneId}`;
    const hcLabel = h('label', { for: inputId });
    const hcInput = h('input', {
      id: inputId, type: 'number', inputmode: 'numeric', min: '0', max: String(MAX_HEADCOUNT), step: '1',
      'data-testid': 'headcount-input', 'aria-describedby': errorId, enterkeyhint: 'done',
    });
    const hcButton = h('button', { type: 'submit', class: 'big-btn btn-headcount', 'data-testid': 'headcount-set' });
    const hcError = h('p', { id: errorId, class: 'field-error', role: 'alert' });
    const form = h('form', { class: 'headcount', novalidate: true }, hcLabel, h('div', { class: 'headcount-row' }, hcInput, hcButton), hcError);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const raw = hcInput.value.trim();
      const value = Number(raw);
      if (raw === '' || !Number.isInteger(value) || value < 0 || value > MAX_HEADCOUNT) {
        hcError.dataset.key = 'lead.headcountInvalid';
        setText(hcError, t('lead.headcountInvalid', { max: MAX_HEADCOUNT }));
        hcInput.setAttribute('aria-invalid', 'true');
        hcInput.focus();
        return;
      }
      hcError.dataset.key = '';
      setText(hcError, '');
      hcInput.removeAttribute('aria-invalid');
      onTap(laneId, 'queue', { count: value });
      hcInput.value = '';
    });

    const groups = {
      arrived: h('div', { class: 'btn-group', role: 'group' }, buttons.arrived1, buttons.arrived5),
      served: h('div', { class: 'btn-group', role: 'group' }, buttons.served1, buttons.served10),
      status: h('div', { class: 'btn-group btn-group-status', role: 'group' }, buttons.open, buttons.pause, buttons.close),
    };
    const li = h('li', { id: `lane-card-${laneId}`, class: 'lead-lane', 'data-testid': 'lead-lane', dataset: { laneId } },
      // One line across a phone held sideways (lead.css); on its own nothing but the two lines it holds.
      h('div', { class: 'lane-top' },
        h('div', { class: 'lane-head' }, h('div', { class: 'lane-title' }, name, kind), pendingBadge),
        h('div', { class: 'lane-live' }, status, h('span', { class: 'lane-numbers' }, queueLine, delta), wait, pause)),
      groups.arrived, groups.served, groups.status, form);
    const card = {
      li, name, kind, pendingBadge, pendingCount, pendingLabel, status, queue, queueLine, delta, wait, pause, buttons, groups,
      hcLabel, hcInput, hcButton, hcError, statusKey: '', lang: '',
    };
    cards.set(laneId, card);
    return card;
  }

  function renderCard(lane, acked, pendingItems) {
    const card = cards.get(lane.id) ?? createCard(lane.id);
    const view = laneView(lane, acked, pendingItems);
    const { status } = view;
    card.li.dataset.status = status;
    card.li.classList.toggle('lane-green', isGreenLane(lane));
    setText(card.name, laneName(lane));

    const lang = t('lang.toggle');
    if (card.lang !== lang) {
      card.lang = lang;
      card.kind.replaceChildren(isGreenLane(lane) && !isGreenName(laneName(lane)) ? h('span', { class: 'green-badge', text: t('board.greenLane') }) : '');
      setText(card.buttons.arrived1, t('lead.arrived', { n: 1 }));
      setText(card.buttons.arrived5, t('lead.arrived', { n: 5 }));
      setText(card.buttons.served1, t('lead.served', { n: 1 }));
      setText(card.buttons.served10, t('lead.served', { n: 10 }));
      setText(card.buttons.open, t('lead.open'));
      setText(card.buttons.pause, t('lead.pause'));
      setText(card.buttons.close, t('lead.close'));
      card.groups.arrived.setAttribute('aria-label', t('lead.arrivedGroup'));
      card.groups.served.setAttribute('aria-label', t('lead.servedGroup'));
      card.groups.status.setAttribute('aria-label', t('lead.statusGroup'));
      setText(card.hcLabel, t('lead.headcountLabel'));
      setText(card.hcButton, t('lead.headcountSet'));
      card.hcInput.setAttribute('placeholder', t('lead.headcountPlaceholder'));
      if (card.hcError.dataset.key) setText(card.hcError, t(card.hcError.dataset.key, { max: MAX_HEADCOUNT }));
      setText(card.pendingLabel, t('lead.pending'));
      card.statusKey = '';
    }
    const statusKey = `${status}|${lang}`;
    if (card.statusKey !== statusKey) {
      card.statusKey = statusKey;
      card.status.replaceChildren(statusMark(status));
    }
    setAttr(card.buttons.open, 'aria-pressed', String(status === 'open'));
    setAttr(card.buttons.pause, 'aria-pressed', String(status === 'paused'));
    setAttr(card.buttons.close, 'aria-pressed', String(status === 'closed'));

    setText(card.queue, fmtInt(view.queue));
    card.queue.dataset.value = view.queue;
    if (card.queueLine.dataset.lang !== lang || !card.queueLine.contains(card.queue)) {
      card.queueLine.dataset.lang = lang;
      card.queueLine.replaceChildren(...tNodes('lead.queue', { n: card.queue }));
    }
    card.delta.hidden = view.delta === 0;
    setText(card.delta, view.delta === 0 ? '' : t('lead.pendingDelta', { n: `${view.delta > 0 ? '+' : '−'}${Math.abs(view.delta)}` }));
    setText(card.wait, waitText(lane, status));
    setText(card.pause, breakText(lane));
    card.pause.hidden = !card.pause.textContent;

    card.pendingBadge.hidden = view.pending === 0;
    setText(card.pendingCount, String(view.pending));
    return card.li;
  }

  // The server's wait, not one with pending taps applied: the lead sees what residents are shown. None beside a
  // pause or close still held or unsent, which the card shows already: a paused lane with a wait reads as a mistake.
  function waitText(lane, status) {
    if (lane.waitMinutes == null || status !== 'open') return t('lead.noWait');
    const params = { n: fmtMinutesValue(lane.waitMinutes), rate: fmtRate(lane.throughputPerMinute) };
    const range = laneRange(lane);
    return range ? t('lead.waitWithRange', { ...params, range: rangeText(range) }) : t('lead.wait', params);
  }

  function render(lanes, acked, pendingItems) {
    el.empty.hidden = lanes.length > 0;
    const seen = new Set(lanes.map((l) => l.id));
    for (const id of [...cards.keys()]) {
      if (!seen.has(id)) {
        cards.get(id).li.remove();
        cards.delete(id);
      }
    }
    renderLaneNav(lanes);
    // Lanes keep their configured order; move only what is out of place so inputs keep focus.
    lanes.forEach((lane, i) => {
      const li = renderCard(lane, acked, pendingItems);
      if (el.list.children[i] !== li) el.list.insertBefore(li, el.list.children[i] ?? null);
    });
  }

  // Where focus goes when the control it was on disappears (the undo bar after the last undo):
  // back to the button that made the tap, so a keyboard user carries on where they were.
  function focusControl(laneId, event) {
    const card = cards.get(laneId);
    if (!card) return false;
    const key = {
      arrived: event.count === 5 ? 'arrived5' : 'arrived1',
      served: event.count === 10 ? 'served10' : 'served1',
      status: { open: 'open', paused: 'pause', closed: 'close' }[event.status],
    }[event.type];
    const target = key ? card.buttons[key] : card.hcInput;
    target?.focus();
    return Boolean(target);
  }

  return { render, focusControl };
}
