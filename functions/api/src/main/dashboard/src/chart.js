// Charts: Chart.js with only the parts the pages use (esbuild leaves the rest out). No animation, so what is drawn
// is always the latest data. The canvas carries a text summary of its numbers for screen readers.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement,
  Tooltip,
} from 'chart.js';
import { h } from './ui.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale,
  Legend, Tooltip);

const COLORS = { sent: '#2563eb', delivered: '#15803d', failed: '#b91c1c', skipped: '#a16207', bounced: '#7c3aed' };

/**
 * A chart of series (name → one number per label): 'bar' (e.g. labels = days) or 'line' (labels = hours or days).
 * Returns {element, update(labels, series)}. The text summary names only the labels with a number other than 0.
 */
export function chart(type, title, labels, series) {
  const canvas = h('canvas', { role: 'img' });
  const drawn = new Chart(canvas, {
    type,
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
    drawn.data.labels = newLabels;
    drawn.data.datasets = Object.entries(newSeries).map(([name, values]) => ({
      label: name, data: values, backgroundColor: COLORS[name] ?? '#6b7280', borderColor: COLORS[name] ?? '#6b7280',
    }));
    drawn.update();
    const described = newLabels.flatMap((label, i) => {
      const numbers = Object.entries(newSeries).map(([name, values]) => [name, values[i] ?? 0]);
      return numbers.some(([, n]) => n) ? [`${label}: ${numbers.map(([name, n]) => `${n} ${name}`).join(', ')}`] : [];
    });
    canvas.setAttribute('aria-label', `${title}. ${described.join('; ') || 'No messages yet.'}`);
  };
  update(labels, series);
  return { element: h('div', { class: 'chart' }, canvas), update };
}
