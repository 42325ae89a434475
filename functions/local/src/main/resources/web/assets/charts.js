// Small SVG charts for the console's statistics, drawn here so the console needs no charting library from a CDN.
// Every chart is a <figure> with a caption, an SVG marked role="img" with a text summary, and the numbers as a
// table for screen readers and for copying.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach((name) => node.setAttribute(name, attributes[name]));
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function dataTable(rows, valueHeader) {
    const el = window.Bianmin.el;
    return el('details', null, el('summary', null, '查看数据'),
      el('table', null,
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, '项目'), el('th', { scope: 'col' }, valueHeader))),
        el('tbody', null, rows.map((r) => el('tr', null, el('th', { scope: 'row' }, r.label), el('td', null, r.text))))));
  }

  /**
   * Horizontal bars: rows [{label, value, text}], max the value of a full bar. Labels sit left of the bars,
   * values right, so long Chinese department names stay readable.
   */
  function barChart(id, title, rows, options) {
    const opts = options || {};
    const max = opts.max || Math.max(1, ...rows.map((r) => r.value));
    const rowHeight = 28;
    const labelWidth = 130;
    const barWidth = 260;
    const width = labelWidth + barWidth + 70;
    const height = Math.max(1, rows.length) * rowHeight + 8;
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': title + '：' + (rows.length ? rows.map((r) => r.label + ' ' + r.text).join('，') : '暂无数据') });
    if (!rows.length) {
      chart.appendChild(svg('text', { x: 0, y: 20 }, '暂无数据'));
    }
    rows.forEach((row, i) => {
      const y = 4 + i * rowHeight;
      const length = Math.max(row.value > 0 ? 2 : 0, Math.round(barWidth * Math.min(row.value, max) / max));
      chart.appendChild(svg('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end' },
        row.label.length > 9 ? row.label.substring(0, 8) + '…' : row.label));
      chart.appendChild(svg('rect', { class: 'track', x: labelWidth, y: y + 4, width: barWidth, height: 18, rx: 3 }));
      chart.appendChild(svg('rect', { class: 'bar' + (opts.good ? ' good' : ''), x: labelWidth, y: y + 4, width: length, height: 18, rx: 3 }));
      chart.appendChild(svg('text', { x: labelWidth + barWidth + 6, y: y + 17, 'data-label': row.label }, row.text));
    });
    const el = window.Bianmin.el;
    const figure = el('figure', { class: 'chart', id: id }, el('figcaption', null, title));
    figure.appendChild(chart);
    figure.appendChild(dataTable(rows, opts.valueHeader || '数值'));
    return figure;
  }

  window.BianminCharts = Object.freeze({ barChart: barChart });
}());
