import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useI18n } from '../i18n/i18n';
import type { Figures } from './figures';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = "'Sarabun', 'Noto Sans Thai', Tahoma, sans-serif";
Chart.defaults.color = '#1c2430';

/** Completions against the target of each course planned this year (Chart.js, horizontal bars). */
export function CourseChart({ figures }: { figures: Figures }) {
  const { m, f } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const courses = figures.courses.filter((course) => course.planned);

  useEffect(() => {
    if (!canvas.current) {
      return undefined;
    }
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const current = chart.current;
    if (!current) {
      return;
    }
    current.data.labels = courses.map((course) => shorten(course.titleTh ?? course.courseKey));
    current.data.datasets = [
      { label: m.dashboard.chartTarget, data: courses.map((c) => c.targetParticipants), backgroundColor: '#b7cde6' },
      { label: m.dashboard.chartCompleted, data: courses.map((c) => c.participantsCompleted), backgroundColor: '#0b5394' },
    ];
    current.options.scales!.x!.ticks!.callback = (value) => f.integer(Number(value));
    current.update();
  });

  const completed = courses.reduce((sum, c) => sum + c.participantsCompleted, 0);
  const target = courses.reduce((sum, c) => sum + c.targetParticipants, 0);
  return (
    <figure className="chart-box" style={{ height: `${Math.max(180, courses.length * 34 + 70)}px`, margin: 0 }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${m.dashboard.chartTitle}: ${m.dashboard.chartCompleted} ${f.integer(completed)}, ${m.dashboard.chartTarget} ${f.integer(target)}`}
      />
    </figure>
  );
}

function shorten(title: string): string {
  return title.length > 42 ? `${title.slice(0, 40)}…` : title;
}
