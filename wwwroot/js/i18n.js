// One dictionary per language; every visible string goes through t() so that the
// toggle can re-render the whole page without a reload.
import { afterLoad } from './dom.js';
import zh from './i18n/zh.js';

// Chinese comes with the page; English comes once the page is up (or at once when asked for sooner), so that a visit
// on a phone's network, Chinese first, does not wait for a dictionary it will not show before it draws. The lead
// console's service worker keeps both for a reload with no signal.
const DICTIONARIES = { zh };
const LOADERS = { en: () => import('./i18n/en.js') };
const STORAGE_KEY = 'qb.lang';
const listeners = new Set();
let lang = 'zh';

// A page remembered in English loads its dictionary before anything is drawn; if it cannot, Chinese stands.
const stored = readStoredLang();
if (stored !== lang && await loadDictionary(stored)) lang = stored;

async function loadDictionary(name) {
  if (DICTIONARIES[name]) return true;
  if (!LOADERS[name]) return false;
  try {
    DICTIONARIES[name] = (await LOADERS[name]()).default;
    return true;
  } catch {
    return false;
  }
}

function readStoredLang() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // Storage can be disabled (private mode, kiosk policies): fall back to Chinese.
  }
  return 'zh';
}

export function getLang() {
  return lang;
}

// BCP 47 tag for <html lang> and Intl formatters.
export function locale() {
  return lang === 'en' ? 'en' : 'zh-CN';
}

export function t(key, params) {
  const entry = DICTIONARIES[lang][key] ?? DICTIONARIES.zh[key];
  if (entry == null) return key;
  if (typeof entry === 'function') return entry(params ?? {});
  if (!params) return entry;
  return entry.replace(/\{(\w+)\}/g, (match, name) => (params[name] ?? match));
}

// Like t(), but {name} placeholders may be DOM nodes (e.g. a number in its own span).
export function tNodes(key, params) {
  const entry = DICTIONARIES[lang][key] ?? DICTIONARIES.zh[key] ?? key;
  const template = typeof entry === 'function' ? entry(params ?? {}) : entry;
  return template.split(/(\{\w+\})/).filter(Boolean).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m || !(m[1] in params)) return part;
    const value = params[m[1]];
    return value instanceof Node ? value : String(value);
  });
}

// Optional glossary lookups (area names, lane-name patterns) that may be absent.
export function lookup(table, key) {
  return DICTIONARIES[lang][table]?.[key];
}

// Resolves once the page shows `next`, or stays as it was when its dictionary cannot be had (offline, never cached).
export async function setLang(next) {
  // Asked again after the load: another switch may have landed while the dictionary came.
  if (next === lang || !(await loadDictionary(next)) || next === lang) return;
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but the switch still works for this page view.
  }
  applyStatic();
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// Static markup declares its strings with data-i18n (text) and
// data-i18n-attr="attr:key;attr:key" (attributes), so HTML holds no language.
export function applyStatic(root = document) {
  const html = document.documentElement;
  html.lang = locale();
  if (html.dataset.titleKey) document.title = t(html.dataset.titleKey);
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const text = t(el.dataset.i18n);
    if (el.textContent !== text) el.textContent = text;
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    // The toggle names the language it switches to, in that language.
    toggle.textContent = t('lang.toggle');
    toggle.setAttribute('lang', t('lang.toggleLang'));
    toggle.setAttribute('aria-label', t('lang.toggleLabel'));
  }
}

export function initI18n() {
  applyStatic();
  // The other dictionaries come once the page is up, off its first draw: a toggle then switches at once, and with no
  // network too.
  afterLoad(() => Object.keys(LOADERS).forEach(loadDictionary));
  const toggle = document.getElementById('lang-toggle');
  toggle?.addEventListener('click', () => setLang(lang === 'zh' ? 'en' : 'zh'));
  // Another tab switching language keeps this one in step.
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY && (event.newValue === 'zh' || event.newValue === 'en')) setLang(event.newValue);
  });
}
