// Charts: Chart.js with only the parts the pages use (esbuild leaves the rest out). No animation, so what is drawn
// is always the latest data. The canvas carries a text summary of its numbers for screen readers.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { h } from './ui.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLORS = { sent: '#2563eb', delivered: '#15803d', failed: '#b91c1c' };

/**
 * A bar chart of series (name → one number per label), e.g. labels = channels, series = {sent: [..], failed: [..]}.
 * Returns {element, update(labels, series)}.
 */
export function barChart(title, labels, series) {
  const canvas = h('canvas', { role: 'img' });
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  const update = (newLabels, newSeries) => {
    chart.data.labels = newLabels;
    chart.data.datasets = Object.entries(newSeries).map(([name, values]) => ({
      label: name, data: values, backgroundColor: COLORS[name] ?? '#6b7280',
    }));
    chart.update();
    const described = newLabels.map((label, i) =>
      `${label}: ${Object.entries(newSeries).map(([name, values]) => `${values[i]} ${name}`).join(', ')}`);
    canvas.setAttribute('aria-label', `${title}. ${described.join('; ') || 'No messages yet.'}`);
  };
  update(labels, series);
  return { element: h('div', { class: 'chart' }, canvas), update };
}
