// The knowledge-base gap list on the agents' console (/v1/staff/knowledge-gaps): the chatbot questions marked 没用
// and those no entry answered, grouped by similar question, for the knowledge editors and the dispatch centre.
// It keeps to its own tab and panel; console.js owns signing in, and this view follows its identity (the staff
// token in sessionStorage) and forgets everything on sign-out.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'bianmin.staffToken';
  const ROLES = ['dispatch', 'knowledge-editor'];
  const tab = $('tab-gaps');
  const panel = $('panel-gaps');
  if (!tab || !panel) {
    return;
  }

  function claims() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
      return null;
    }
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(atob(payload).split('').map((c) => '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2)).join(''));
      return Object.assign(JSON.parse(json), { token: token });
    } catch (e) {
      return null;
    }
  }

  function mayRead(c) {
    return Boolean(c && ROLES.includes(c.role));
  }

  function build() {
    B.clear(panel);
    panel.appendChild(el('div', { class: 'panel' },
      el('form', { id: 'gaps-filters', class: 'filters' },
        el('div', null,
          el('label', { for: 'gaps-days' }, '时间范围'),
          el('select', { id: 'gaps-days' },
            el('option', { value: '7' }, '近7天'),
            el('option', { value: '30' }, '近30天'),
            el('option', { value: '90' }, '近90天'))),
        el('button', { type: 'submit', class: 'secondary', id: 'gaps-refresh' }, '刷新')),
      el('p', { class: 'hint', id: 'gaps-summary' }),
      el('table', { class: 'gaps' },
        el('caption', null, '市民标记“没用”或未能找到答复的问题（相近的问题合并为一组，按次数排序）'),
        el('thead', null, el('tr', null, ['问题', '次数', '没用', '无答复', '当时答复的条目', '相近说法', '最近'].map((h) =>
          el('th', { scope: 'col' }, h)))),
        el('tbody', { id: 'gaps-rows' })),
      el('p', { class: 'hint', id: 'gaps-empty', hidden: true }, '该时间范围内没有标记为“没用”或未能答复的问题。'),
      el('div', { id: 'gaps-status', role: 'alert' })));
    $('gaps-filters').addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
  }

  async function load() {
    const c = claims();
    if (!mayRead(c)) {
      return;
    }
    const status = B.clear($('gaps-status'));
    $('gaps-refresh').disabled = true;
    try {
      const result = await B.call('GET', '/v1/staff/knowledge-gaps?days=' + encodeURIComponent($('gaps-days').value), { token: c.token });
      render(result);
    } catch (error) {
      status.appendChild(el('p', { class: 'notice error' }, error.message));
    } finally {
      $('gaps-refresh').disabled = false;
    }
  }

  function render(result) {
    const rows = B.clear($('gaps-rows'));
    $('gaps-summary').textContent = result.from + ' 至 ' + result.to + '：共 ' + result.signals + ' 条，合并为 '
      + result.groups.length + ' 组。';
    $('gaps-empty').hidden = result.groups.length > 0;
    result.groups.forEach((g) => {
      rows.appendChild(el('tr', null,
        el('td', { class: 'gap-question' }, g.question),
        el('td', { 'data-field': 'count' }, String(g.count)),
        el('td', null, String(g.notHelpful)),
        el('td', null, String(g.noMatch)),
        el('td', null, g.entries.length ? g.entries.join('、') : '—'),
        el('td', null, g.examples.filter((q) => q !== g.question).join(' / ') || '—'),
        el('td', null, B.formatTime(g.lastAt))));
    });
  }

  // Selecting this tab hides the others' panels; selecting another (console.js) hides this one.
  function select() {
    document.querySelectorAll('.tabs [role="tab"]').forEach((t) => {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      const controlled = $(t.getAttribute('aria-controls'));
      if (controlled) {
        controlled.hidden = !selected;
      }
    });
    load();
  }

  function deselect() {
    tab.setAttribute('aria-selected', 'false');
    tab.tabIndex = -1;
    panel.hidden = true;
  }

  tab.addEventListener('click', select);
  document.querySelectorAll('.tabs [role="tab"]').forEach((t) => {
    if (t !== tab) {
      t.addEventListener('click', deselect);
    }
  });

  // Follows console.js's sign-in and sign-out (the identity box shows and hides with them).
  function follow() {
    const c = claims();
    const signedIn = !$('identity').hidden && mayRead(c);
    if (!signedIn) {
      deselect();
      tab.hidden = true;
      build();
      return;
    }
    tab.hidden = false;
    // a knowledge editor has no queue: this is the only view, so it opens by itself
    if (c.role === 'knowledge-editor') {
      select();
    }
  }

  build();
  new MutationObserver(follow).observe($('identity'), { attributes: true, attributeFilter: ['hidden'] });
  follow();
}());
