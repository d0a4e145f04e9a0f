// A small bar chart in plain elements, for phones that should not load a chart library for a few dozen bars. The
// drawing is one image to assistive technology, named by a summary; a visually hidden table beside it holds every
// value, so nothing is only seen. Needs no interaction, so keyboard users lose nothing.
import { h } from './dom.js';

// bars: [{ share: 0..1 of the full height, kind: '' | 'best' | 'missing' | 'alt', tick: label under it or '',
//          name, valueText: the table's words for it }]
//   Several series side by side: `parts: [{ share, kind }]` in place of share and kind, and valueText a list with
//   the words for each part, one table column apiece (headings then has a heading for each).
// legend: [{ kind, text }] for the kinds drawn ('' for plain bars), when the kinds need words.
// scale: the words for the full height of the plot, written above it, when the reader needs the numbers on paper.
export function barChart({ label, caption, headings, bars, legend = [], scale = null }) {
  return h('div', { class: 'bar-chart' },
    h('div', { class: 'bar-figure', role: 'img', 'aria-label': label },
      scale == null ? null : h('span', { class: 'bar-scale', text: scale }),
      h('div', { class: scale == null ? 'bar-plot' : 'bar-plot bar-plot-scaled' }, bars.map(slot)),
      h('div', { class: 'bar-axis' }, bars.map((b) => h('span', { class: 'bar-tick', text: b.tick || '' })))),
    legend.length === 0 ? null : h('ul', { class: 'bar-legend', 'aria-hidden': 'true' },
      legend.map((item) => h('li', {}, h('span', { class: `bar-key bar-${item.kind || 'plain'}` }), item.text))),
    // Hidden by a box around it: a table keeps its columns' width whatever width it is given, and hidden itself it
    // widened a 320 px page by its own overflow.
    h('div', { class: 'visually-hidden' }, h('table', {},
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, bars.map(row)))));
}

function row({ name, valueText }) {
  const values = Array.isArray(valueText) ? valueText : [valueText];
  return h('tr', {}, h('th', { scope: 'row', text: name }), values.map((text) => h('td', { text })));
}

function slot(b) {
  return b.parts ? h('span', { class: 'bar-group' }, b.parts.map(bar)) : bar(b);
}

function bar({ share, kind }) {
  const el = h('span', { class: kind ? `bar bar-${kind}` : 'bar', 'data-testid': 'chart-bar' });
  // Through the CSSOM, which the pages' Content-Security-Policy allows; a style attribute it would block.
  el.style.setProperty('--share', String(Math.min(1, Math.max(0, share || 0))));
  return el;
}
