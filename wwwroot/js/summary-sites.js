// The daily summary's sites: busiest (most served) first, each with its day and how long each of its lanes was open,
// and the sentence that names the busiest site and the site with the longest wait.
import { h } from './dom.js';
import { compareText, DASH, fmtInt, fmtRate, laneName, laneShortName, siteName } from './format.js';
import { getLang, t } from './i18n.js';

export function bySitesServed(sites) {
  return [...sites].sort((a, b) => (b.served ?? 0) - (a.served ?? 0)
    || (b.arrived ?? 0) - (a.arrived ?? 0)
    || compareText(siteName(a), siteName(b))
    || a.id.localeCompare(b.id));
}

export const hoursText = (minutes) => (minutes == null ? DASH : fmtRate(minutes / 60));

// Each cell carries its column's heading, which a phone shows beside the figure where the table's headings are out of
// sight (summary.css).
function cell(label, props, ...children) {
  return h('td', { role: 'cell', 'data-label': t(label), ...props }, ...children);
}

function countCell(label, value, testid) {
  return cell(label, {
    class: 'num', 'data-testid': testid, 'data-value': value == null ? null : String(value), text: fmtInt(value),
  });
}

function laneList(lanes) {
  if (lanes.length === 0) return DASH;
  return h('ul', { class: 'lane-hours' }, lanes.map((lane) => {
    const minutes = lane.minutesOpen ?? 0;
    const hours = hoursText(minutes);
    // Short words to the eye, whole words to a screen reader.
    return h('li', { 'data-testid': 'summary-lane-open', dataset: { laneId: lane.id, minutes: String(minutes) } },
      h('span', { 'aria-hidden': 'true', text: t('summary.laneOpenShort', { lane: laneShortName(lane), hours }) }),
      h('span', { class: 'visually-hidden', text: t('summary.laneOpenLong', { lane: laneName(lane), hours }) }));
  }));
}

function siteRow(site) {
  const name = siteName(site);
  const other = getLang() === 'en' ? site.name : site.nameEn;
  return h('tr', { role: 'row', class: 'site-row', 'data-testid': 'summary-site-row', dataset: { siteId: site.id } },
    h('th', { scope: 'row', role: 'rowheader' },
      h('span', { class: 'site-name', text: name }),
      other && other !== name ? h('span', { class: 'site-name-other', lang: getLang() === 'en' ? 'zh-CN' : 'en', text: other }) : null),
    countCell('summary.colArrived', site.arrived, 'summary-site-arrived'),
    countCell('summary.colServed', site.served, 'summary-site-served'),
    countCell('summary.colPeakQueue', site.peakQueue, 'summary-site-peak-queue'),
    cell('summary.colMeanWait', { class: 'num', text: site.meanWaitMinutes == null ? DASH : fmtRate(site.meanWaitMinutes) }),
    cell('summary.colLongestWait', { class: 'num', text: fmtInt(site.longestWaitMinutes) }),
    cell('summary.colLaneHours', {
      class: 'num', 'data-minutes': site.laneMinutesOpen == null ? null : String(site.laneMinutesOpen), text: hoursText(site.laneMinutesOpen),
    }),
    cell('summary.colLanes', { class: 'lanes-cell' }, laneList(site.lanes)));
}

export function siteRows(sites) {
  return bySitesServed(sites).map(siteRow);
}

// The busiest site and the site with the longest wait, in a sentence or two.
export function calloutText(sites) {
  if (sites.length === 0) return t('summary.calloutNoSites');
  const sorted = bySitesServed(sites);
  const [busiest] = sorted;
  const longest = sorted.reduce(
    (best, s) => (s.longestWaitMinutes != null && s.longestWaitMinutes > (best?.longestWaitMinutes ?? -1) ? s : best),
    null,
  );
  return [
    busiest.served > 0
      ? t('summary.calloutBusiest', { name: siteName(busiest), n: fmtInt(busiest.served) })
      : t('summary.calloutNoneServed'),
    longest
      ? t('summary.calloutLongest', { name: siteName(longest), n: fmtInt(longest.longestWaitMinutes) })
      : t('summary.calloutNoWait'),
  ].join(t('summary.sentenceGap'));
}
