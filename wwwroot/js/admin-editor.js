// The site editor of the administration page: a new site, or an existing site's configuration
// (GET …/config), saved with PUT. The server's validation problem names each bad field by its
// path in the body sent (`lanes[2].name`, `openHours[0].to`, …); the error goes next to that field.
import { api } from './api.js';
import { h, setAttr, setText } from './dom.js';
import { siteName } from './format.js';
import { onLangChange, t } from './i18n.js';
import { createConfirm } from './confirm-dialog.js';
import {
  clearFieldErrors, failureMessage, rewordFieldErrors, setFieldError, writeMessage,
} from './admin-errors.js';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

let serial = 0;
const newId = (prefix) => `${prefix}-${++serial}`;
const byId = (id) => document.getElementById(id);

function button(key, props = {}) {
  return h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-i18n': key, text: t(key), ...props });
}

// A labelled control with its error line under it.
function labelled(labelKey, control, className) {
  const error = h('p', { id: `${control.id}-error`, class: 'field-error' });
  const wrap = h('div', { class: className }, h('label', { for: control.id, 'data-i18n': labelKey, text: t(labelKey) }), control, error);
  return { wrap, error };
}

function timeInput(value, part) {
  return h('input', {
    id: newId(`time-${part}`), type: 'text', class: 'time-input', inputmode: 'numeric', maxlength: '5',
    placeholder: 'HH:mm', autocomplete: 'off', spellcheck: 'false', value: value ?? '', 'data-testid': `span-${part}`,
  });
}

// Rows of from/to times (opening hours, planned breaks) with "add" and "remove". `label(n)` names row n.
function createSpanList({ list, addButton, error, label }) {
  const rows = new WeakMap();

  function add(span) {
    const from = labelled('admin.from', timeInput(span?.from, 'from'), 'mini-field');
    const to = labelled('admin.to', timeInput(span?.to, 'to'), 'mini-field');
    const legend = h('legend', { class: 'row-legend' });
    const remove = button('admin.remove', { 'data-testid': 'remove-span' });
    const li = h('li', { class: 'span-item' },
      h('fieldset', { class: 'span-row' }, legend, from.wrap, to.wrap, h('div', { class: 'row-actions' }, remove)));
    const parts = {
      legend, remove, from: from.wrap.querySelector('input'), fromError: from.error, to: to.wrap.querySelector('input'), toError: to.error,
    };
    rows.set(li, parts);
    remove.addEventListener('click', () => {
      const next = li.nextElementSibling ?? li.previousElementSibling;
      li.remove();
      renumber();
      (next ? rows.get(next).remove : addButton).focus();
    });
    list.append(li);
    renumber();
    return parts;
  }

  function renumber() {
    [...list.children].forEach((li, i) => {
      const parts = rows.get(li);
      const name = label(i + 1);
      setText(parts.legend, name);
      setAttr(parts.remove, 'aria-label', t('admin.removeNamed', { name }));
    });
  }

  addButton.addEventListener('click', () => add().from.focus());

  return {
    set(spans) {
      list.replaceChildren();
      for (const span of spans ?? []) add(span);
    },
    // The spans to send; `reg` learns where the errors about each one go. A row left empty is not sent.
    collect(path, reg) {
      reg(path, { error, target: addButton });
      const spans = [];
      for (const li of list.children) {
        const p = rows.get(li);
        const from = p.from.value.trim();
        const to = p.to.value.trim();
        if (!from && !to) continue;
        const i = spans.length;
        reg(`${path}[${i}]`, { error: p.fromError, target: p.from });
        reg(`${path}[${i}].from`, { error: p.fromError, target: p.from });
        reg(`${path}[${i}].to`, { error: p.toError, target: p.to });
        spans.push({ from, to });
      }
      return spans;
    },
    renumber,
  };
}

// Lane rows: id, name, kind and the lane's own breaks; added, removed and moved up or down.
function createLaneList({ list, addButton, error, announce }) {
  const rows = new WeakMap();

  function add(lane) {
    const parts = { index: 0 };
    const id = labelled('admin.laneId', h('input', {
      id: newId('lane-id'), type: 'text', class: 'lane-id-input', autocapitalize: 'off', spellcheck: 'false', maxlength: '64',
      value: lane?.id ?? '', 'data-testid': 'lane-id',
    }), 'mini-field');
    const name = labelled('admin.laneName', h('input', {
      id: newId('lane-name'), type: 'text', maxlength: '100', value: lane?.name ?? '', 'data-testid': 'lane-name',
    }), 'mini-field mini-field-wide');
    const kindSelect = h('select', { id: newId('lane-kind'), 'data-testid': 'lane-kind' },
      h('option', { value: 'standard', 'data-i18n': 'admin.kindStandard', text: t('admin.kindStandard') }),
      h('option', { value: 'green', 'data-i18n': 'admin.kindGreen', text: t('admin.kindGreen') }));
    kindSelect.value = String(lane?.kind ?? '').toLowerCase() === 'green' ? 'green' : 'standard';
    const kind = labelled('admin.laneKind', kindSelect, 'mini-field');

    const breaksList = h('ol', { class: 'span-list' });
    const breaksAdd = button('admin.addBreak', { 'data-testid': 'add-lane-break' });
    const breaksError = h('p', { id: newId('lane-breaks-error'), class: 'field-error' });
    const breaks = createSpanList({
      list: breaksList, addButton: breaksAdd, error: breaksError, label: (n) => t('admin.laneBreakN', { lane: parts.index + 1, n }),
    });
    breaks.set(lane?.breaks);

    const legend = h('legend', { class: 'row-legend' });
    const laneError = h('p', { id: newId('lane-error'), class: 'field-error' });
    const up = button('admin.moveUp', { 'data-testid': 'lane-up' });
    const down = button('admin.moveDown', { 'data-testid': 'lane-down' });
    const remove = button('admin.removeLane', { 'data-testid': 'remove-lane' });
    const li = h('li', { class: 'lane-item', 'data-testid': 'lane-row' },
      h('fieldset', { class: 'lane-row' }, legend, laneError,
        h('div', { class: 'lane-fields' }, id.wrap, name.wrap, kind.wrap),
        h('fieldset', { class: 'group group-nested' },
          h('legend', { 'data-i18n': 'admin.laneBreaks', text: t('admin.laneBreaks') }),
          breaksError, breaksList, breaksAdd),
        h('div', { class: 'row-actions' }, up, down, remove)));
    Object.assign(parts, {
      legend, laneError, up, down, remove, breaks,
      id: id.wrap.querySelector('input'), idError: id.error,
      name: name.wrap.querySelector('input'), nameError: name.error,
      kind: kindSelect, kindError: kind.error,
    });
    rows.set(li, parts);

    up.addEventListener('click', () => move(li, -1));
    down.addEventListener('click', () => move(li, 1));
    remove.addEventListener('click', () => {
      const gone = parts.legend.textContent;
      const next = li.nextElementSibling ?? li.previousElementSibling;
      li.remove();
      renumber();
      (next ? rows.get(next).remove : addButton).focus();
      announce(t('admin.laneRemoved', { name: gone }));
    });
    list.append(li);
    renumber();
    return parts;
  }

  function move(li, delta) {
    const sibling = delta < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) return;
    if (delta < 0) list.insertBefore(li, sibling);
    else list.insertBefore(sibling, li);
    renumber();
    const parts = rows.get(li);
    const same = delta < 0 ? parts.up : parts.down;
    const other = delta < 0 ? parts.down : parts.up;
    (same.disabled ? other : same).focus();
    announce(t('admin.laneMoved', { name: parts.name.value.trim() || parts.id.value.trim() || '—', n: parts.index + 1 }));
  }

  function renumber() {
    const items = [...list.children];
    items.forEach((li, i) => {
      const parts = rows.get(li);
      parts.index = i;
      const name = t('admin.laneN', { n: i + 1 });
      setText(parts.legend, name);
      parts.up.disabled = i === 0;
      parts.down.disabled = i === items.length - 1;
      setAttr(parts.up, 'aria-label', t('admin.moveUpNamed', { name }));
      setAttr(parts.down, 'aria-label', t('admin.moveDownNamed', { name }));
      setAttr(parts.remove, 'aria-label', t('admin.removeLaneNamed', { name }));
      parts.breaks.renumber();
    });
  }

  addButton.addEventListener('click', () => add().id.focus());

  return {
    set(lanes) {
      list.replaceChildren();
      for (const lane of lanes ?? []) add(lane);
    },
    collect(reg) {
      reg('lanes', { error, target: addButton });
      return [...list.children].map((li, i) => {
        const p = rows.get(li);
        reg(`lanes[${i}]`, { error: p.laneError, target: p.id });
        reg(`lanes[${i}].id`, { error: p.idError, target: p.id });
        reg(`lanes[${i}].name`, { error: p.nameError, target: p.name });
        reg(`lanes[${i}].kind`, { error: p.kindError, target: p.kind });
        return {
          id: p.id.value.trim(), name: p.name.value.trim(), kind: p.kind.value, breaks: p.breaks.collect(`lanes[${i}].breaks`, reg),
        };
      });
    },
    renumber,
  };
}

// Degrees as typed (a comma for the decimal point too); null when not a number, which the server names.
function degrees(text) {
  const value = text.trim().replace(',', '.');
  if (!value) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * ctx: token(), authLost(), hasSite(id), saved(siteId, snapshot, config), fallbackFocus()
 */
export function createEditor(ctx) {
  const el = {
    section: byId('editor'),
    heading: byId('editor-heading'),
    summary: byId('editor-summary'),
    summaryTitle: byId('editor-summary-title'),
    summaryDetail: byId('editor-summary-detail'),
    summaryList: byId('editor-summary-list'),
    loading: byId('editor-loading'),
    announcer: byId('editor-announcer'),
    form: byId('editor-form'),
    siteIdField: byId('site-id-field'),
    siteId: byId('f-siteId'),
    name: byId('f-name'),
    nameEn: byId('f-nameEn'),
    area: byId('f-area'),
    latitude: byId('f-latitude'),
    longitude: byId('f-longitude'),
    save: byId('editor-save'),
    cancel: byId('editor-cancel'),
  };
  const fieldError = (input) => byId(`${input.id}-error`);

  const openHours = createSpanList({
    list: byId('open-hours-list'), addButton: byId('open-hours-add'), error: byId('open-hours-error'),
    label: (n) => t('admin.openSpanN', { n }),
  });
  const siteBreaks = createSpanList({
    list: byId('site-breaks-list'), addButton: byId('site-breaks-add'), error: byId('site-breaks-error'),
    label: (n) => t('admin.siteBreakN', { n }),
  });
  const lanes = createLaneList({
    list: byId('lane-list'), addButton: byId('lane-add'), error: byId('lanes-error'), announce,
  });

  const state = {
    mode: null, siteId: null, site: null, returnFocus: null, summary: null, load: 0, saving: false,
    // The form as opened (JSON), to tell edits from none; `suspended` while a draft waits for a new sign-in.
    pristine: null, suspended: false,
  };

  const discard = createConfirm({ testId: 'discard', noClass: 'btn btn-secondary', yesClass: 'btn btn-danger' });

  const formNow = () => JSON.stringify([el.siteId.value.trim(), collect(() => {})]);

  function isDirty() {
    return state.mode != null && state.pristine != null && formNow() !== state.pristine;
  }

  // Whether what is open may go: at once with no edits, else when the administrator says so.
  async function mayDiscard() {
    if (!isDirty()) return true;
    return discard.ask({
      title: t('admin.discardTitle'),
      body: t('admin.discardBody', { site: state.mode === 'edit' ? siteName(state.site) || state.siteId : t('admin.newSiteHeading') }),
      yes: t('admin.discardYes'),
      no: t('admin.discardNo'),
    });
  }

  function announce(text) {
    el.announcer.textContent = '';
    setTimeout(() => { el.announcer.textContent = text; }, 50);
  }

  function renderHeading() {
    if (state.mode === 'new') setText(el.heading, t('admin.newSiteHeading'));
    else if (state.mode === 'edit') setText(el.heading, t('admin.editHeading', { name: siteName(state.site) || state.siteId, id: state.siteId }));
  }

  function renderSummary() {
    const s = state.summary;
    el.summary.hidden = !s;
    if (!s) return;
    writeMessage(el.summaryTitle, s.title);
    el.summaryDetail.hidden = !s.detail;
    if (s.detail) writeMessage(el.summaryDetail, s.detail);
    el.summaryList.replaceChildren(...s.unmapped.map(([key, messages]) => h('li', {},
      h('span', { class: 'mono', text: key }), ': ',
      ...messages.map((m) => {
        const span = h('span', { class: 'summary-message' });
        writeMessage(span, m);
        return span;
      }))));
    el.summaryList.hidden = s.unmapped.length === 0;
  }

  function clearErrors() {
    clearFieldErrors(el.section);
    state.summary = null;
    renderSummary();
  }

  function reset() {
    clearErrors();
    for (const input of [el.siteId, el.name, el.nameEn, el.area, el.latitude, el.longitude]) input.value = '';
    openHours.set([]);
    siteBreaks.set([]);
    lanes.set([]);
  }

  function show() {
    el.section.hidden = false;
  }

  async function openNew(returnFocus) {
    if (!(await mayDiscard())) return;
    state.load++;
    Object.assign(state, { mode: 'new', siteId: null, site: null, returnFocus, suspended: false });
    reset();
    lanes.set([{}]);
    state.pristine = formNow();
    el.siteIdField.hidden = false;
    el.form.hidden = false;
    el.loading.hidden = true;
    renderHeading();
    show();
    el.siteId.focus();
  }

  async function openEdit(site, returnFocus) {
    if (!(await mayDiscard())) return;
    const load = ++state.load;
    Object.assign(state, { mode: 'edit', siteId: site.id, site, returnFocus, suspended: false, pristine: null });
    reset();
    el.siteIdField.hidden = true;
    el.form.hidden = true;
    el.loading.hidden = false;
    renderHeading();
    show();
    el.heading.focus();
    try {
      const config = await api.siteConfig(site.id, ctx.token());
      if (load !== state.load) return;
      fill(config);
      state.pristine = formNow();
      el.loading.hidden = true;
      el.form.hidden = false;
    } catch (error) {
      if (load !== state.load) return;
      el.loading.hidden = true;
      if (error.status === 401) {
        ctx.authLost();
        return;
      }
      state.summary = { title: error.status === 404 ? { key: 'admin.errorNoSite' } : failureMessage(error), detail: null, unmapped: [] };
      renderSummary();
      el.summary.focus();
    }
  }

  function fill(config) {
    el.name.value = config.name ?? '';
    el.nameEn.value = config.nameEn ?? '';
    el.area.value = config.area ?? '';
    el.latitude.value = config.latitude == null ? '' : String(config.latitude);
    el.longitude.value = config.longitude == null ? '' : String(config.longitude);
    openHours.set(config.openHours);
    siteBreaks.set(config.breaks);
    lanes.set(config.lanes);
    state.site = { ...state.site, id: state.siteId, name: config.name, nameEn: config.nameEn };
    renderHeading();
  }

  function close({ restoreFocus = true } = {}) {
    if (state.mode == null) return;
    state.load++;
    Object.assign(state, { mode: null, pristine: null, suspended: false });
    el.section.hidden = true;
    reset();
    if (!restoreFocus) return;
    const back = state.returnFocus;
    if (back?.isConnected && !back.closest('[hidden]')) back.focus();
    else ctx.fallbackFocus();
  }

  // Everything the form holds, as the PUT body; `reg` learns which element shows the errors about each path.
  function collect(reg) {
    reg('siteId', { error: fieldError(el.siteId), target: el.siteId });
    for (const key of ['name', 'nameEn', 'area', 'latitude', 'longitude']) reg(key, { error: fieldError(el[key]), target: el[key] });
    const nameEn = el.nameEn.value.trim();
    return {
      name: el.name.value.trim(),
      nameEn: nameEn || null,
      area: el.area.value.trim(),
      latitude: degrees(el.latitude.value),
      longitude: degrees(el.longitude.value),
      openHours: openHours.collect('openHours', reg),
      breaks: siteBreaks.collect('breaks', reg),
      lanes: lanes.collect(reg),
    };
  }

  // Puts each error next to its field and everything else in the summary, then focuses the first error.
  function applyProblem(problem, fields) {
    const perField = new Map();
    const unmapped = [];
    for (const [key, value] of Object.entries(problem.errors ?? {})) {
      const messages = Array.isArray(value) ? value : [value];
      const field = fields.get(key.replace(/^\$\.?/, '').toLowerCase());
      if (!field) {
        unmapped.push([key, messages]);
        continue;
      }
      const entry = perField.get(field.error) ?? { target: field.target, messages: [] };
      entry.messages.push(...messages);
      perField.set(field.error, entry);
    }
    for (const [errorEl, { target, messages }] of perField) setFieldError(target, errorEl, messages);
    state.summary = { title: problem.title ?? { key: 'admin.err.checkFields' }, detail: problem.detail ?? null, unmapped };
    renderSummary();
    const targets = [...perField.values()].map((e) => e.target).filter(Boolean);
    targets.sort((a, b) => ((a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) ? -1 : 1));
    (targets[0] ?? el.summary).focus();
  }

  function idProblem(siteId) {
    if (!siteId) return { key: 'admin.err.required' };
    if (!ID_PATTERN.test(siteId)) return { key: 'admin.err.id' };
    if (ctx.hasSite(siteId)) return { key: 'admin.err.siteExists', params: { id: siteId } };
    return null;
  }

  el.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (state.saving || state.mode == null) return;
    const fields = new Map();
    const config = collect((key, field) => fields.set(key.toLowerCase(), field));
    clearErrors();
    const siteId = state.mode === 'new' ? el.siteId.value.trim() : state.siteId;
    if (state.mode === 'new') {
      const problem = idProblem(siteId);
      if (problem) {
        applyProblem({ title: { key: 'admin.err.checkFields' }, errors: { siteId: [problem] } }, fields);
        return;
      }
    }
    state.saving = true;
    el.save.disabled = true;
    setText(el.save, t('admin.saving'));
    try {
      const snapshot = await api.putSite(siteId, ctx.token(), config);
      close({ restoreFocus: false });
      ctx.saved(siteId, snapshot, config);
    } catch (error) {
      if (error.status === 401) {
        ctx.authLost();
        return;
      }
      const problem = error.problem ?? {};
      if (error.status === 400 && problem.errors && typeof problem.errors === 'object') applyProblem(problem, fields);
      else applyProblem({ title: failureMessage(error), detail: problem.detail ?? null }, fields);
    } finally {
      state.saving = false;
      el.save.disabled = false;
      setText(el.save, t('admin.save'));
    }
  });

  el.cancel.addEventListener('click', async () => {
    if (await mayDiscard()) close();
  });
  el.section.addEventListener('keydown', async (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && state.mode != null && !discard.open) {
      event.preventDefault();
      if (await mayDiscard()) close();
    }
  });

  // The sign-in expired (a 401, perhaps on Save): edits are hidden, not thrown away, until the next sign-in.
  function suspend() {
    if (!isDirty()) {
      close({ restoreFocus: false });
      return;
    }
    state.load++;
    state.suspended = true;
    el.section.hidden = true;
  }

  function resume() {
    if (!state.suspended) return;
    state.suspended = false;
    show();
    state.summary = { title: { key: 'admin.draftKept' }, detail: null, unmapped: [] };
    renderSummary();
    el.summary.focus();
  }

  onLangChange(() => {
    renderHeading();
    renderSummary();
    openHours.renumber();
    siteBreaks.renumber();
    lanes.renumber();
    rewordFieldErrors();
    if (!state.saving) setText(el.save, t('admin.save'));
  });

  return {
    openNew,
    openEdit,
    close,
    suspend,
    resume,
    get open() { return state.mode != null; },
  };
}
