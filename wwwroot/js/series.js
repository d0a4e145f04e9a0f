// A chart's minute-by-minute data, capped so that a wall screen can run for days with flat
// memory. The arrays are the chart's own (mutated in place) so the chart is never recreated.
import { fmtClock } from './format.js';

const LIVE_DRAW_EVERY_MS = 5000;

export class MinuteSeries {
  constructor(chart, cap = 120) {
    this.chart = chart;
    this.cap = cap;
    this.minutes = [];
  }

  get labels() {
    return this.chart.data.labels;
  }

  get datasets() {
    return this.chart.data.datasets;
  }

  // Sets the point for `minute` (epoch ms at the minute's start): the in-progress minute moves
  // live, a new minute appends one point, an older minute is corrected in place.
  upsert(minute, values) {
    const last = this.minutes.length - 1;
    if (last >= 0 && this.minutes[last] === minute) {
      this.setAt(last, values);
    } else if (last < 0 || minute > this.minutes[last]) {
      this.minutes.push(minute);
      this.labels.push(fmtClock(new Date(minute)));
      values.forEach((v, i) => this.datasets[i].data.push(v));
      this.trim();
    } else {
      const at = this.minutes.indexOf(minute);
      if (at >= 0) this.setAt(at, values);
    }
  }

  setAt(index, values) {
    values.forEach((v, i) => {
      if (v !== undefined) this.datasets[i].data[index] = v;
    });
  }

  reset(points) {
    this.minutes.length = 0;
    this.labels.length = 0;
    for (const ds of this.datasets) ds.data.length = 0;
    for (const p of points) this.upsert(p.minute, p.values);
  }

  trim() {
    const extra = this.minutes.length - this.cap;
    if (extra <= 0) return;
    this.minutes.splice(0, extra);
    this.labels.splice(0, extra);
    for (const ds of this.datasets) ds.data.splice(0, extra);
  }

  // Labels are clock times; they do not depend on the language, but the locale's formatter may.
  relabel() {
    this.minutes.forEach((m, i) => {
      this.labels[i] = fmtClock(new Date(m));
    });
  }

  // The points shown, in the shape reset() takes: to put them back after something else borrowed the chart.
  points() {
    return this.minutes.map((minute, i) => ({ minute, values: this.datasets.map((ds) => ds.data[i]) }));
  }

  last() {
    return this.minutes[this.minutes.length - 1];
  }

  // Draws the chart now.
  render() {
    clearTimeout(this.drawLater);
    this.drawLater = null;
    this.drawnAt = performance.now();
    this.chart.update('none');
  }

  // Draws the chart at most once every few seconds, the last change included: for the minute in progress, which moves
  // with every push (each second at a district's peak) where each draw lays the whole chart out again, and which a
  // chart of hours shows just as well drawn that often.
  renderSoon() {
    if (this.drawLater) return;
    const wait = this.drawnAt + LIVE_DRAW_EVERY_MS - performance.now();
    if (wait > 0) this.drawLater = setTimeout(() => this.render(), wait);
    else this.render();
  }
}

// People tested in the minute in progress, from the running total (`servedToday`) that pushes carry: the figure the
// wall's and the command centre's charts plot beside the server's per-minute history, so that a minute drawn live and
// the same minute read back later agree.
export function createMinuteServed() {
  let minute = null;
  let baseline = null;
  let last = null;
  return {
    // The count so far of `nowMinute` (epoch ms), given the total shown now.
    track(nowMinute, servedToday) {
      if (minute !== nowMinute) {
        minute = nowMinute;
        baseline = last ?? servedToday;
      }
      let served = servedToday - baseline;
      if (served < 0) {
        // The total fell (midnight, or a district still gathering its sites after a restart): counted from here, and the
        // server's history puts the minute right.
        baseline = servedToday;
        served = 0;
      }
      last = servedToday;
      return served;
    },
    // The server's own count for the minute in progress, from its history.
    rebase(nowMinute, servedToday, servedInMinute) {
      minute = nowMinute;
      baseline = servedToday - servedInMinute;
    },
  };
}
