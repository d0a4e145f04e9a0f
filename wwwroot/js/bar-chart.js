// A small bar chart in plain elements, for phones that should not load a chart library for a few dozen bars. The
// drawing is one image to assistive technology, named by a summary; a visually hidden table beside it holds every
// value, so nothing is only seen. Needs no interaction, so keyboard users lose nothing.
import { h } from './dom.js';

// bars: [{ share: 0..1 of the full height, kind: '' | 'best' | 'missing', tick: label under it or '',
//          name, valueText: the table's words for it }]
// legend: [{ kind, text }] for the kinds drawn other than plain bars.
export function barChart({ label, caption, headings, bars, legend = [] }) {
  return h('div', { class: 'bar-chart' },
    h('div', { class: 'bar-figure', role: 'img', 'aria-label': label },
      h('div', { class: 'bar-plot' }, bars.map(bar)),
      h('div', { class: 'bar-axis' }, bars.map((b) => h('span', { class: 'bar-tick', text: b.tick || '' })))),
    legend.length === 0 ? null : h('ul', { class: 'bar-legend', 'aria-hidden': 'true' },
      legend.map((item) => h('li', {}, h('span', { class: `bar-key bar-${item.kind}` }), item.text))),
    h('table', { class: 'visually-hidden' },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, bars.map(row))));
}

function row({ name, valueText }) {
  return h('tr', {}, h('th', { scope: 'row', text: name }), h('td', { text: valueText }));
}

function bar({ share, kind }) {
  const el = h('span', { class: kind ? `bar bar-${kind}` : 'bar', 'data-testid': 'chart-bar' });
  // Through the CSSOM, which the pages' Content-Security-Policy allows; a style attribute it would block.
  el.style.setProperty('--share', String(Math.min(1, Math.max(0, share || 0))));
  return el;
}
