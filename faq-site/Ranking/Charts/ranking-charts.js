// Draws the 品質の推移 charts from the numbers the page already shows in its tables (kept in #ranking-chart-data),
// so the charts add nothing a screen reader or a browser without JavaScript would miss.
(function () {
  'use strict';
  var element = document.getElementById('ranking-chart-data');
  if (!element || typeof window.Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(element.textContent || '{}');
  // Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito), with dashes on lines as well.
  var palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  var font = { family: "'Noto Sans JP', 'IPAexGothic', 'IPAGothic', sans-serif", size: 14 };
  window.Chart.defaults.font = font;
  // The charts do not move: people who asked their system for less motion, and screen magnifiers, are spared.
  window.Chart.defaults.animation = false;

  function draw(id, kind, chart, options) {
    var canvas = document.getElementById(id);
    if (!canvas || !chart || !chart.labels || chart.labels.length === 0) {
      return;
    }
    var datasets = chart.series.map(function (series, i) {
      var colour = palette[i % palette.length];
      return {
        label: series.label,
        data: series.data,
        borderColor: colour,
        backgroundColor: colour,
        borderDash: kind === 'line' && i > 0 ? [6, 4] : undefined,
        spanGaps: false,
      };
    });
    new window.Chart(canvas, {
      type: kind,
      data: { labels: chart.labels, datasets: datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } }, options),
    });
  }

  draw('chart-models', 'line', data.models, { scales: { y: { suggestedMin: 0, suggestedMax: 1 } } });
  draw('chart-judgements', 'bar', data.judgements, { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } });
  draw('chart-confident', 'line', data.confident, { scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } } });
})();
