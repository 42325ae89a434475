// The console's hot-spot view (热点问题): clusters of tickets about the same problem at the same place, hottest first,
// from GET /v1/staff/hotspots. Kept apart from console.js: it adds its own panel beside the page's tab panels, shows
// it when its tab is chosen and hides it when another tab is, and reads the signed-in token the console keeps.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'bianmin.staffToken';
  const TAB = 'tab-hotspots';
  const PANEL = 'panel-hotspots';

  function claims() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
      return null;
    }
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload))));
    } catch (e) {
      return null;
    }
  }

  /** Hot spots are for the dispatch centre and departments (the route's access); device administrators have none. */
  function mayUse() {
    const c = claims();
    return !!c && (c.role === 'dispatch' || !!c.department);
  }

  function today(offsetDays) {
    const day = new Date(Date.now() + 8 * 3600 * 1000 - offsetDays * 86400 * 1000);
    return day.toISOString().substring(0, 10);
  }

  function buildPanel() {
    const panel = el('section', { id: PANEL, role: 'tabpanel', 'aria-labelledby': TAB, hidden: true },
      el('div', { class: 'panel' },
        el('form', { id: 'hotspot-filters', class: 'filters' },
          el('div', {}, el('label', { for: 'hotspot-from' }, '开始日期'),
            el('input', { type: 'date', id: 'hotspot-from', value: today(29), required: true })),
          el('div', {}, el('label', { for: 'hotspot-to' }, '结束日期'),
            el('input', { type: 'date', id: 'hotspot-to', value: today(0), required: true })),
          el('button', { type: 'submit', class: 'secondary', id: 'hotspot-refresh' }, '查询')),
        el('p', { class: 'hint' }, '同一地点、同一问题的多件诉求聚为一个热点；热度综合反映人数、点赞、新近程度和集中程度。'),
        el('p', { id: 'hotspot-status', class: 'hint', role: 'status' }),
        el('ol', { id: 'hotspot-list', class: 'hotspot-list', 'aria-label': '热点问题' }),
        el('p', { id: 'hotspot-empty', class: 'hint', hidden: true }, '该时段没有热点问题（同一问题至少两件诉求）。')));
    const panels = document.querySelectorAll('#workspace [role="tabpanel"]');
    const last = panels[panels.length - 1];
    last.parentNode.insertBefore(panel, last.nextSibling);
    $('hotspot-filters').addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
  }

  function span(hot) {
    return B.formatTime(hot.firstAt) + ' 至 ' + B.formatTime(hot.lastAt);
  }

  function item(hot, rank) {
    const members = el('ul', { class: 'hotspot-members' }, hot.members.map((m) => el('li', {},
      el('code', {}, m.trackingNumber), m.externalId ? '（原编号 ' + m.externalId + '）' : '', ' ', B.formatTime(m.receivedAt))));
    return el('li', { class: 'hotspot', dataset: { id: hot.id } },
      el('div', { class: 'hotspot-head' },
        el('span', { class: 'hotspot-rank' }, String(rank)),
        el('strong', { class: 'hotspot-name' }, hot.name),
        el('span', { class: 'hotspot-heat', title: '热度' }, '热度 ' + hot.heat.toFixed(1))),
      el('p', { class: 'hotspot-facts' },
        (hot.place ? '地点：' + hot.place + '；' : '') + '部门：' + (hot.department || '未定') + '；'
        + hot.reports + '件诉求，' + hot.reporters + '位反映人' + (hot.likes ? '，' + hot.likes + '个点赞' : '') + '；' + span(hot)),
      el('details', {}, el('summary', {}, '查看工单（' + hot.members.length + '）'), members));
  }

  async function load() {
    const list = $('hotspot-list');
    const status = $('hotspot-status');
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
      return;
    }
    status.textContent = '正在加载…';
    try {
      const query = '?from=' + encodeURIComponent($('hotspot-from').value) + '&to=' + encodeURIComponent($('hotspot-to').value)
        + '&limit=20';
      const result = await B.call('GET', '/v1/staff/hotspots' + query, { token: token });
      B.clear(list);
      result.hotspots.forEach((hot, i) => list.appendChild(item(hot, i + 1)));
      $('hotspot-empty').hidden = result.hotspots.length > 0;
      status.textContent = result.from + ' 至 ' + result.to + '：' + result.count + '个热点';
    } catch (e) {
      B.clear(list);
      status.textContent = e.message;
    }
  }

  function show() {
    document.querySelectorAll('#workspace [role="tab"]').forEach((tab) => {
      const selected = tab.id === TAB;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = $(tab.getAttribute('aria-controls'));
      if (panel) {
        panel.hidden = !selected;
      }
    });
    load();
  }

  function hide() {
    $(TAB).setAttribute('aria-selected', 'false');
    $(TAB).tabIndex = -1;
    $(PANEL).hidden = true;
  }

  function start() {
    if (!$(TAB)) {
      return;
    }
    buildPanel();
    $(TAB).addEventListener('click', show);
    // console.js knows only its own tabs: choosing one of them hides this view
    document.querySelectorAll('#workspace [role="tab"]').forEach((tab) => {
      if (tab.id !== TAB) {
        tab.addEventListener('click', hide);
      }
    });
    // sign-in and sign-out show and hide the workspace: the tab follows who is signed in
    const sync = () => {
      $(TAB).hidden = !mayUse();
      if ($(TAB).hidden || $('workspace').hidden) {
        hide();
      }
    };
    new MutationObserver(sync).observe($('workspace'), { attributes: true, attributeFilter: ['hidden'] });
    sync();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
