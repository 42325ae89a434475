// The console's statistics view for a centre director (/v1/staff/stats and its CSV export /v1/staff/stats.csv):
// a date range, summary cards, the daily trend of received / closed / overdue, the departments' figures and the top
// categories. Charts are Apache ECharts (served from the jar, /assets/vendor/echarts.min.js); every chart is
// followed by the same numbers as a table, which is what screen readers read (the canvas is one labelled image).
// Every rate is shown beside the counts it is made of ("100%（1/1）"), never alone. The server decides the scope:
// the dispatch centre sees the city and may pick a department, a department sees only itself.
// console.js calls BianminStats.show(token, claims) when the statistics tab opens; its bianmin:console-signout
// event clears everything.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const $ = (id) => document.getElementById(id);
  const view = {
    token: null,
    claims: null,
    charts: [],
    departments: new Set(),
    built: false,
    request: 0
  };

  const COLORS = { received: '#0b5cad', closed: '#1b6e20', overdue: '#b00020', onTime: '#8a4b00' };

  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  }

  function addDays(isoDate, days) {
    const date = new Date(isoDate + 'T00:00:00Z');
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '—' : (Math.round(rate * 1000) / 10) + '%';
  }

  /** A rate with its counts: "85.7%（6/7）", or "—（0/0）" when nothing was counted. */
  function rateWithCounts(rate, part, whole) {
    return percent(rate) + '（' + part + '/' + whole + '）';
  }

  function isDispatch() {
    return !!(view.claims && view.claims.role === 'dispatch');
  }

  // ---- the controls (built once per page)

  function build() {
    const root = $('director-stats');
    if (view.built || !root) {
      return;
    }
    view.built = true;
    const presets = el('div', { class: 'stats-presets', role: 'group', 'aria-label': '快捷时间范围' },
      [7, 30, 90].map((days) => el('button', { type: 'button', class: 'secondary', 'data-days': String(days) }, '近' + days + '天')));
    const form = el('form', { id: 'stats-range', class: 'filters stats-range', novalidate: 'novalidate' },
      el('div', null, el('label', { for: 'stats-from' }, '开始日期'), el('input', { type: 'date', id: 'stats-from', required: 'required' })),
      el('div', null, el('label', { for: 'stats-to' }, '结束日期'), el('input', { type: 'date', id: 'stats-to', required: 'required' })),
      el('div', { id: 'stats-department-field', hidden: 'hidden' }, el('label', { for: 'stats-department' }, '范围'),
        el('select', { id: 'stats-department' }, el('option', { value: '' }, '全市'))),
      el('button', { type: 'submit', id: 'stats-apply' }, '查询'),
      presets);
    const exports = el('div', { class: 'stats-export', role: 'group', 'aria-label': '导出 CSV（Excel 可直接打开）' },
      el('span', { class: 'hint' }, '导出 CSV：'),
      el('button', { type: 'button', class: 'secondary', 'data-table': 'departments', id: 'stats-export-departments' }, '各部门'),
      el('button', { type: 'button', class: 'secondary', 'data-table': 'daily', id: 'stats-export-daily' }, '每日趋势'),
      el('button', { type: 'button', class: 'secondary', 'data-table': 'categories', id: 'stats-export-categories' }, '类别排行'));
    root.appendChild(form);
    root.appendChild(el('p', { id: 'stats-scope', class: 'hint', 'aria-live': 'polite' }));
    root.appendChild(el('div', { id: 'stats-error', role: 'alert' }));
    root.appendChild(el('div', { class: 'cards', id: 'stats-cards' }));
    root.appendChild(exports);
    root.appendChild(el('div', { class: 'stats-figures', id: 'stats-figures' }));

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
    presets.addEventListener('click', (event) => {
      const days = event.target.dataset && event.target.dataset.days;
      if (days) {
        $('stats-to').value = today();
        $('stats-from').value = addDays(today(), 1 - Number(days));
        load();
      }
    });
    exports.addEventListener('click', (event) => {
      const table = event.target.dataset && event.target.dataset.table;
      if (table) {
        download(table);
      }
    });
    window.addEventListener('resize', () => view.charts.forEach((chart) => chart.resize()));
    window.addEventListener('bianmin:console-signout', reset);
  }

  function query(extra) {
    const params = new URLSearchParams();
    params.set('from', $('stats-from').value);
    params.set('to', $('stats-to').value);
    if (isDispatch() && $('stats-department').value) {
      params.set('department', $('stats-department').value);
    }
    Object.keys(extra || {}).forEach((key) => params.set(key, extra[key]));
    return params.toString();
  }

  function showError(message) {
    const box = B.clear($('stats-error'));
    if (message) {
      box.appendChild(el('p', { class: 'notice error' }, message));
    }
  }

  function validRange() {
    const from = $('stats-from').value;
    const to = $('stats-to').value;
    if (!from || !to) {
      showError('请选择开始和结束日期。');
      return false;
    }
    if (from > to) {
      showError('开始日期不能晚于结束日期。');
      return false;
    }
    return true;
  }

  // ---- loading

  async function load() {
    if (!view.token || !validRange()) {
      return;
    }
    showError(null);
    const mine = ++view.request;
    let stats;
    try {
      stats = await B.call('GET', '/v1/staff/stats?' + query(), { token: view.token });
    } catch (error) {
      if (mine === view.request) {
        showError(error.message);
      }
      return;
    }
    // a slower earlier answer (or one for the identity before a sign-out) must not replace the latest
    if (mine !== view.request || !view.token) {
      return;
    }
    render(stats);
  }

  async function download(table) {
    if (!view.token || !validRange()) {
      return;
    }
    showError(null);
    let response;
    try {
      response = await fetch(B.apiBase + '/v1/staff/stats.csv?' + query({ table: table }), {
        headers: { Authorization: 'Bearer ' + view.token },
        credentials: 'omit',
        cache: 'no-store'
      });
    } catch (e) {
      showError('暂时连不上服务，请稍后重试。');
      return;
    }
    if (!response.ok) {
      showError(response.status === 403 ? '无权导出该范围的统计。' : '导出失败，请稍后重试。');
      return;
    }
    const disposition = response.headers.get('content-disposition') || '';
    const match = /filename="([^"]+)"/.exec(disposition);
    const blob = await response.blob();
    const link = el('a', { href: URL.createObjectURL(blob), download: match ? match[1] : 'statistics.csv', hidden: 'hidden' });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  // ---- rendering

  function disposeCharts() {
    view.charts.forEach((chart) => chart.dispose());
    view.charts = [];
  }

  function card(id, label, value) {
    return el('div', { class: 'card', id: id },
      el('div', { class: 'value', 'data-field': id }, value), el('div', { class: 'label' }, label));
  }

  function render(stats) {
    const s = stats.summary;
    $('stats-scope').textContent = (stats.department || '全市') + '，' + stats.from + ' 至 ' + stats.to
      + '（按北京时间自然日统计）';
    if (isDispatch() && !stats.department) {
      stats.byDepartment.forEach((d) => view.departments.add(d.name));
      const select = $('stats-department');
      const chosen = select.value;
      B.clear(select).appendChild(el('option', { value: '' }, '全市'));
      Array.from(view.departments).sort().forEach((d) => select.appendChild(el('option', { value: d }, d)));
      select.value = chosen;
    }

    const cards = B.clear($('stats-cards'));
    cards.appendChild(card('stat-total', '受理量', String(s.received)));
    cards.appendChild(card('stat-closed', '办结量', String(s.closed)));
    cards.appendChild(card('stat-on-time', '按时办结率（办结 ' + s.closed + ' 件，按时 ' + s.closedOnTime + ' 件）',
      percent(s.onTimeClosureRate)));
    cards.appendChild(card('stat-handling', '平均办理时长（' + s.closed + ' 件）',
      s.averageHandlingHours === null ? '—' : s.averageHandlingHours + ' 小时'));
    cards.appendChild(card('stat-satisfaction', '满意度（' + s.rated + '人评价）',
      s.averageSatisfaction === null ? '—' : s.averageSatisfaction.toFixed(2) + ' / 5'));
    cards.appendChild(card('stat-reopen', '重开率（重开 ' + s.reopened + ' 件 / 办结 ' + s.closed + ' 件）',
      percent(s.reopenRate)));
    cards.appendChild(card('stat-overdue', '超期（升级督办）', String(s.overdue)));

    disposeCharts();
    const figures = B.clear($('stats-figures'));
    figures.appendChild(trend(stats));
    figures.appendChild(departments(stats));
    figures.appendChild(categories(stats));
    drawCharts(stats);
  }

  function figure(id, title, summary, table) {
    return el('figure', { class: 'stats-figure', id: id },
      el('figcaption', null, title),
      el('div', { class: 'echart', role: 'img', 'aria-label': title + '：' + summary + '。数据见下表。' }),
      el('div', { class: 'table-scroll' }, table));
  }

  function table(caption, headers, rows, attributes) {
    return el('table', Object.assign({ class: 'stats-table' }, attributes || {}),
      el('caption', null, caption),
      el('thead', null, el('tr', null, headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', null, rows));
  }

  function trend(stats) {
    const totals = stats.daily.reduce((t, d) => ({ received: t.received + d.received, closed: t.closed + d.closed,
      overdue: t.overdue + d.overdue }), { received: 0, closed: 0, overdue: 0 });
    const rows = stats.daily.map((d) => el('tr', { 'data-date': d.date },
      el('th', { scope: 'row' }, d.date),
      el('td', { 'data-field': 'received' }, String(d.received)),
      el('td', { 'data-field': 'closed' }, String(d.closed)),
      el('td', { 'data-field': 'overdue' }, String(d.overdue))));
    return figure('chart-trend', '每日受理、办结与超期', stats.daily.length + '天共受理' + totals.received + '件，办结'
      + totals.closed + '件，超期' + totals.overdue + '件',
      el('details', null, el('summary', null, '每日数据表（' + stats.daily.length + '天）'),
        table('每日受理、办结与超期', ['日期', '受理', '办结', '超期'], rows, { id: 'stats-daily-table' })));
  }

  function departments(stats) {
    const rows = stats.byDepartment.map((d) => el('tr', { 'data-department': d.name },
      el('th', { scope: 'row' }, d.name),
      el('td', { 'data-field': 'received' }, String(d.received)),
      el('td', { 'data-field': 'closed' }, String(d.closed)),
      el('td', { 'data-field': 'on-time' }, rateWithCounts(d.onTimeClosureRate, d.closedOnTime, d.closed)),
      el('td', { 'data-field': 'handling' }, d.averageHandlingHours === null ? '—' : d.averageHandlingHours + ' 小时'),
      el('td', { 'data-field': 'satisfaction' }, (d.averageSatisfaction === null ? '—' : d.averageSatisfaction.toFixed(2))
        + '（' + d.rated + '人）'),
      el('td', { 'data-field': 'reopen' }, rateWithCounts(d.reopenRate, d.reopened, d.closed)),
      el('td', { 'data-field': 'overdue' }, String(d.overdue))));
    const top = stats.byDepartment[0];
    const node = figure('chart-departments', '各部门受理量与按时办结率', stats.byDepartment.length === 0 ? '没有数据'
      : stats.byDepartment.length + '个部门，受理最多的是' + top.name + '（' + top.received + '件）',
      table('各部门办理情况（比率后括号内为 分子/分母）', ['部门', '受理', '办结', '按时办结率', '平均办理时长', '满意度（评价人数）',
        '重开率', '超期'], rows, { id: 'stats-department-table' }));
    if (stats.byDepartment.length === 0) {
      node.appendChild(el('p', { class: 'hint' }, '所选时间内没有工单。'));
    }
    return node;
  }

  function categories(stats) {
    const rows = stats.topCategories.map((c, i) => el('tr', { 'data-category': c.code },
      el('td', null, String(i + 1)),
      el('th', { scope: 'row' }, c.name),
      el('td', { 'data-field': 'received' }, String(c.received))));
    return figure('chart-categories', '受理量前十的类别', stats.topCategories.length === 0 ? '没有数据'
      : '最多的是' + stats.topCategories[0].name + '（' + stats.topCategories[0].received + '件）',
      table('受理量前十的类别', ['排名', '类别', '受理'], rows, { id: 'stats-category-table' }));
  }

  function drawCharts(stats) {
    if (!window.echarts) {
      // the tables carry every number; without the library only the pictures are missing
      document.querySelectorAll('#stats-figures .echart').forEach((node) => { node.hidden = true; });
      return;
    }
    const chart = (selector, option) => {
      const node = document.querySelector(selector + ' .echart');
      const instance = window.echarts.init(node, null, { renderer: 'canvas' });
      instance.setOption(Object.assign({ animation: false, textStyle: { color: '#1a1a1a' } }, option));
      view.charts.push(instance);
    };
    const days = stats.daily.map((d) => d.date.slice(5));
    chart('#chart-trend', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '受理', type: 'line', data: stats.daily.map((d) => d.received), color: COLORS.received },
        { name: '办结', type: 'line', data: stats.daily.map((d) => d.closed), color: COLORS.closed },
        { name: '超期', type: 'bar', data: stats.daily.map((d) => d.overdue), color: COLORS.overdue }
      ]
    });
    const depts = stats.byDepartment.slice(0, 15).reverse();
    chart('#chart-departments', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 130, right: 48, top: 36, bottom: 28 },
      xAxis: [{ type: 'value', minInterval: 1, name: '件' }, { type: 'value', min: 0, max: 100, name: '%', position: 'top', show: false }],
      yAxis: { type: 'category', data: depts.map((d) => d.name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        { name: '受理', type: 'bar', data: depts.map((d) => d.received), color: COLORS.received },
        { name: '办结', type: 'bar', data: depts.map((d) => d.closed), color: COLORS.closed },
        { name: '按时办结率(%)', type: 'scatter', xAxisIndex: 1, color: COLORS.onTime, symbolSize: 10,
          data: depts.map((d) => d.onTimeClosureRate === null ? null : Math.round(d.onTimeClosureRate * 1000) / 10) }
      ]
    });
    const cats = stats.topCategories.slice().reverse();
    chart('#chart-categories', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 130, right: 24, top: 12, bottom: 28 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: cats.map((c) => c.name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [{ name: '受理', type: 'bar', data: cats.map((c) => c.received), color: COLORS.received,
        label: { show: true, position: 'right' } }]
    });
  }

  // ---- entry points

  /** Clears every number and chart of the previous identity. */
  function reset() {
    view.token = null;
    view.claims = null;
    view.request++;
    view.departments = new Set();
    disposeCharts();
    ['stats-cards', 'stats-figures', 'stats-error', 'stats-scope'].forEach((id) => {
      if ($(id)) {
        B.clear($(id));
      }
    });
    if ($('stats-department')) {
      B.clear($('stats-department')).appendChild(el('option', { value: '' }, '全市'));
    }
  }

  function show(token, claims) {
    build();
    if (view.token !== token) {
      reset();
      view.token = token;
      view.claims = claims;
      $('stats-to').value = today();
      $('stats-from').value = addDays(today(), -29);
    }
    $('stats-department-field').hidden = !isDispatch();
    load();
  }

  window.BianminStats = Object.freeze({ show: show, reset: reset });
}());
