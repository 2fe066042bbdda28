// Renders the panels of docs/grafana-emtihan.json from Prometheus' query_range API into one HTML page (Chart.js),
// for a screenshot in headless Chromium: Grafana itself cannot be installed here.
import fs from 'node:fs';
const PROM = process.env.PROM || 'http://127.0.0.1:9097';
const dash = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const start = +process.env.START, end = +process.env.END, step = 5;
const out = [];
for (const p of dash.panels) {
  const series = [];
  for (const t of p.targets) {
    const expr = t.expr.replaceAll('$instance', '.*');
    const u = `${PROM}/api/v1/query_range?query=${encodeURIComponent(expr)}&start=${start}&end=${end}&step=${step}`;
    const r = await (await fetch(u)).json();
    if (r.status !== 'success') throw new Error(p.title + ': ' + JSON.stringify(r));
    for (const s of r.data.result) {
      const label = t.legendFormat.replace(/\{\{(\w+)\}\}/g, (_, k) => s.metric[k] ?? '');
      series.push({ label, points: s.values.map(([x, y]) => [x, Number(y)]) });
    }
  }
  out.push({ title: p.title, unit: p.fieldConfig.defaults.unit, series });
  console.log(p.title, series.length, 'series');
}
const chartJs = fs.readFileSync(new URL('./node_modules/chart.js/dist/chart.umd.js', import.meta.url), 'utf8');
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
body{background:#111217;color:#ccccdc;font-family:Inter,Helvetica,Arial,sans-serif;margin:12px}
h1{font-size:18px;font-weight:500;margin:4px 6px 10px} .sub{font-size:12px;color:#8e8e9b;margin:0 6px 10px}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
.panel{background:#181b1f;border:1px solid #2c3235;border-radius:3px;padding:6px 8px;height:300px;display:flex;flex-direction:column}
.panel h2{font-size:13px;font-weight:500;margin:2px 0 4px} .c{flex:1;position:relative}
</style></head><body><h1>Emtihan engine</h1>
<div class="sub">docs/grafana-emtihan.json, each panel's queries run against Prometheus' query_range API over the demo run
(${new Date(start * 1000).toISOString().slice(11, 16)}–${new Date(end * 1000).toISOString().slice(11, 16)} UTC, step ${step} s); drawn with Chart.js, not Grafana</div>
<div class="grid" id="g"></div><script>${chartJs}</script><script>
const data = ${JSON.stringify(out)};
const colors = ['#73bf69','#f2cc0c','#5794f2','#ff780a','#f2495c','#b877d9','#8ab8ff','#fade2a','#37872d','#c4162a'];
function fmt(unit, v) {
  if (unit === 's') return v >= 1 ? v.toFixed(1) + ' s' : (v * 1000).toFixed(v < 0.01 ? 1 : 0) + ' ms';
  if (unit === 'bytes') return v >= 1 << 30 ? (v / (1 << 30)).toFixed(1) + ' GiB' : v >= 1 << 20 ? (v / (1 << 20)).toFixed(0) + ' MiB' : v >= 1024 ? (v / 1024).toFixed(0) + ' KiB' : v + ' B';
  if (unit === 'reqps') return +v.toFixed(1) + ' req/s';
  if (unit === 'ops') return +v.toFixed(1) + '/s';
  return +v.toFixed(2);
}
for (const p of data) {
  const div = document.createElement('div'); div.className = 'panel';
  div.innerHTML = '<h2></h2><div class="c"><canvas></canvas></div>'; div.querySelector('h2').textContent = p.title;
  document.getElementById('g').appendChild(div);
  new Chart(div.querySelector('canvas'), { type: 'line',
    data: { datasets: p.series.map((s, i) => ({ label: s.label, data: s.points.map(([x, y]) => ({ x: x * 1000, y: isNaN(y) ? null : y })),
      borderColor: colors[i % colors.length], backgroundColor: colors[i % colors.length] + '22', fill: true, borderWidth: 1.2, pointRadius: 0, spanGaps: true })) },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { type: 'linear', ticks: { color: '#8e8e9b', maxTicksLimit: 6, callback: (v) => new Date(v).toISOString().slice(11, 16) }, grid: { color: '#2c3235' } },
                y: { beginAtZero: true, ticks: { color: '#8e8e9b', maxTicksLimit: 5, callback: (v) => fmt(p.unit, v) }, grid: { color: '#2c3235' } } },
      plugins: { legend: { position: 'bottom', labels: { color: '#ccccdc', boxWidth: 10, font: { size: 10 } } } } } });
}
</script></body></html>`;
fs.writeFileSync(new URL('./page.html', import.meta.url), html);
console.log('page.html written');
