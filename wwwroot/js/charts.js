// Chart.js set-up shared by the wall and the command centre: dark theme, no animation
// (walls redraw all day), and the same CJK-capable font stack as the pages.
const FONT = '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif';

export const COLORS = {
  queue: '#8ab4ff',
  throughput: '#5be38a',
  grid: 'rgba(185,195,206,0.18)',
  text: '#b9c3ce',
};

let configured = false;
function configure(Chart) {
  if (configured) return;
  configured = true;
  Chart.defaults.font.family = FONT;
  Chart.defaults.color = COLORS.text;
  Chart.defaults.borderColor = COLORS.grid;
  Chart.defaults.animation = false;
}

// `series`: [{label, color, axis: 'y'|'y2', fill}]; `fontSize` scales with the screen.
// `timeLabels: false` leaves the minutes unlabelled, for a chart whose heading already says the span it covers.
export function createLineChart(canvas, { series, fontSize = 14, legend = true, timeTicks = 7, timeLabels = true }) {
  const Chart = window.Chart;
  configure(Chart);
  const hasSecondAxis = series.some((s) => s.axis === 'y2');
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: [],
      datasets: series.map((s) => ({
        label: s.label,
        data: [],
        yAxisID: s.axis ?? 'y',
        borderColor: s.color,
        backgroundColor: `${s.color}33`,
        fill: Boolean(s.fill),
        borderWidth: Math.max(2, fontSize / 6),
        // Lines need two points; until a second minute arrives, show the first as a dot.
        pointRadius: (ctx) => (ctx.dataset.data.length < 2 ? Math.max(3, fontSize / 4) : 0),
        pointHitRadius: 6,
        tension: 0.25,
        spanGaps: true,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      font: { size: fontSize },
      plugins: {
        legend: { display: legend, labels: { font: { size: fontSize }, boxWidth: fontSize * 1.5 } },
        tooltip: { enabled: true },
      },
      scales: {
        // Time labels never rotate, so a narrow chart shows fewer of them rather than letting them overlap, half a
        // character apart at least. Without `offset`, Chart.js counts room for one time more than fits once it keeps
        // every n-th minute (they stop short of the axis's end), and a command centre's 720-line screen ran four times
        // into one another; with it, each minute sits half a minute's width in from the ends, under a pixel here.
        x: {
          offset: true,
          ticks: { display: timeLabels, maxTicksLimit: timeTicks, maxRotation: 0, autoSkipPadding: fontSize / 2, font: { size: fontSize } },
          grid: { display: false },
        },
        y: {
          beginAtZero: true,
          position: 'left',
          ticks: { precision: 0, font: { size: fontSize }, color: series.find((s) => (s.axis ?? 'y') === 'y')?.color },
        },
        ...(hasSecondAxis ? {
          y2: {
            beginAtZero: true,
            position: 'right',
            grid: { drawOnChartArea: false },
            ticks: { precision: 0, font: { size: fontSize }, color: series.find((s) => s.axis === 'y2')?.color },
          },
        } : {}),
      },
    },
  });
}

export function setSeriesLabels(chart, labels) {
  labels.forEach((label, i) => {
    chart.data.datasets[i].label = label;
  });
}
