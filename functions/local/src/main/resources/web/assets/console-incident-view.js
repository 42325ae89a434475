// The console's incident view (合并事件): the incidents, newest first (GET /v1/staff/incidents: the dispatch centre's
// open ones, a department's own), one opened with its owner department, deadline, status and member tickets
// (GET /v1/staff/incidents/{id}), and for the dispatch centre taking a member out (DELETE .../tickets/{n}) and adding a
// ticket by its tracking number (POST .../tickets). Kept apart from console.js: it builds its own panel for its tab,
// loads when console.js says its tab was chosen, and forgets everything on sign-out. The server decides every
// permission; the link and unlink controls are only shown to the dispatch centre, which alone may use them.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'bianmin.staffToken';
  const TAB = 'tab-incidents';
  const PANEL = 'panel-incidents';
  const PAGE = 20;
  let nextCursor = null;
  let opened = null;

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function isDispatch() {
    const t = token();
    if (!t) {
      return false;
    }
    try {
      const payload = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload)))).role === 'dispatch';
    } catch (e) {
      return false;
    }
  }

  function buildPanel() {
    const panel = el('section', { id: PANEL, role: 'tabpanel', 'aria-labelledby': TAB, hidden: true, class: 'incidents-layout' },
      el('div', { class: 'panel' },
        el('div', { class: 'filters' },
          el('button', { type: 'button', class: 'secondary', id: 'incidents-refresh' }, '刷新')),
        el('p', { class: 'hint', id: 'incidents-hint' }),
        el('p', { class: 'hint', id: 'incidents-status', role: 'status' }),
        el('div', { class: 'table-scroll' },
          el('table', { class: 'incidents' },
            el('caption', null, '合并办理的事件（最新在前）'),
            el('thead', null, el('tr', null, ['事件编号', '状态', '承办部门', '办理时限', '诉求件数', '创建时间'].map((h) =>
              el('th', { scope: 'col' }, h)))),
            el('tbody', { id: 'incident-rows' }))),
        el('p', { class: 'hint', id: 'incidents-empty', hidden: true }, '暂无合并办理的事件。'),
        el('button', { type: 'button', class: 'secondary', id: 'incidents-more', hidden: true }, '加载更多')),
      el('section', { class: 'panel', id: 'incident-detail', 'aria-labelledby': 'incident-title', tabindex: '-1', hidden: true },
        el('h3', { id: 'incident-title' }),
        el('div', { id: 'incident-body' })));
    const panels = document.querySelectorAll('#workspace [role="tabpanel"]');
    const last = panels[panels.length - 1];
    last.parentNode.insertBefore(panel, last.nextSibling);
    $('incidents-refresh').addEventListener('click', () => load(false));
    $('incidents-more').addEventListener('click', () => load(true));
  }

  async function load(more) {
    const status = $('incidents-status');
    const rows = $('incident-rows');
    if (!token()) {
      return;
    }
    $('incidents-hint').textContent = isDispatch() ? '分拨中心：全部办理中的事件。' : '本部门承办的事件。';
    status.textContent = '正在加载…';
    try {
      const query = '?limit=' + PAGE + (more && nextCursor ? '&cursor=' + encodeURIComponent(nextCursor) : '');
      const page = await B.call('GET', '/v1/staff/incidents' + query, { token: token() });
      if (!more) {
        B.clear(rows);
      }
      page.incidents.forEach((incident) => rows.appendChild(row(incident)));
      nextCursor = page.nextCursor;
      $('incidents-more').hidden = !nextCursor;
      $('incidents-empty').hidden = rows.children.length > 0;
      status.textContent = '';
    } catch (e) {
      status.textContent = e.message;
    }
  }

  function row(incident) {
    const open = el('button', { type: 'button', class: 'link', dataset: { incident: incident.incidentId } }, incident.incidentId);
    open.addEventListener('click', () => show(incident.incidentId));
    return el('tr', { dataset: { incident: incident.incidentId } },
      el('td', null, open),
      el('td', null, el('span', { class: 'status status-' + incident.status }, B.statusLabel(incident.status))),
      el('td', null, incident.department),
      el('td', null, B.formatTime(incident.dueAt)),
      el('td', { class: 'incident-count' }, String(incident.memberCount)),
      el('td', null, B.formatTime(incident.createdAt)));
  }

  async function show(incidentId) {
    const detail = $('incident-detail');
    detail.hidden = false;
    $('incident-title').textContent = '事件 ' + incidentId;
    const body = $('incident-body');
    B.clear(body);
    try {
      render(await B.call('GET', '/v1/staff/incidents/' + encodeURIComponent(incidentId), { token: token() }));
      detail.focus();
    } catch (e) {
      body.appendChild(el('p', { class: 'notice error', role: 'alert' }, e.message));
    }
  }

  function render(incident) {
    opened = incident.incidentId;
    const body = $('incident-body');
    B.clear(body);
    const dispatch = isDispatch();
    body.appendChild(el('dl', { class: 'incident-facts' },
      el('dt', null, '状态'), el('dd', { id: 'incident-status' }, el('span', { class: 'status status-' + incident.status },
        B.statusLabel(incident.status))),
      el('dt', null, '承办部门'), el('dd', { id: 'incident-department' }, incident.department),
      el('dt', null, '办理时限'), el('dd', { id: 'incident-due' }, B.formatTime(incident.dueAt)),
      el('dt', null, '诉求件数'), el('dd', { id: 'incident-reporters' }, String(incident.reporters))));
    body.appendChild(el('p', { class: 'hint' }, '对任一工单的派单、签收、办理、办结都会同步到全部工单；每位市民各自回访。'));
    body.appendChild(el('div', { class: 'table-scroll' }, el('table', { class: 'incident-members' },
      el('caption', null, '合并的工单'),
      el('thead', null, el('tr', null, ['受理编号', '原系统编号', '状态', '分类', '受理时间', dispatch ? '操作' : null]
        .filter((h) => h !== null).map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', { id: 'incident-member-rows' }, incident.tickets.map((t) => member(t, dispatch))))));
    const result = el('div', { id: 'incident-result', role: 'status' });
    if (dispatch) {
      const input = el('input', { id: 'incident-link-number', type: 'text', inputmode: 'numeric', autocomplete: 'off',
        placeholder: 'BM开头的受理编号', pattern: 'BM\\d{12}', required: true });
      const form = el('form', { id: 'incident-link', class: 'filters' },
        el('div', null, el('label', { for: 'incident-link-number' }, '并入工单'), input),
        el('button', { type: 'submit', class: 'secondary' }, '并入事件'));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        await change('POST', '/v1/staff/incidents/' + encodeURIComponent(opened) + '/tickets',
          { trackingNumbers: [input.value.trim()] }, '已并入 ' + input.value.trim() + '。');
      });
      body.appendChild(form);
    }
    body.appendChild(result);
  }

  function member(ticket, dispatch) {
    let action = null;
    if (dispatch) {
      const button = el('button', { type: 'button', class: 'secondary', dataset: { unlink: ticket.trackingNumber } }, '移出');
      button.addEventListener('click', () => {
        if (window.confirm('将工单 ' + ticket.trackingNumber + ' 移出事件？它将保留当前状态，单独办理。')) {
          change('DELETE', '/v1/staff/incidents/' + encodeURIComponent(opened) + '/tickets/' + encodeURIComponent(ticket.trackingNumber),
            null, '已移出 ' + ticket.trackingNumber + '。');
        }
      });
      action = el('td', null, button);
    }
    return el('tr', { dataset: { member: ticket.trackingNumber } },
      el('td', null, el('code', null, ticket.trackingNumber)),
      el('td', { class: 'incident-external' }, ticket.externalId || '—'),
      el('td', null, el('span', { class: 'status status-' + ticket.status }, B.statusLabel(ticket.status))),
      el('td', null, ticket.category || '—'),
      el('td', null, B.formatTime(ticket.createdAt)),
      action);
  }

  /** A link or unlink: the answer is the incident as it now stands; the list's count follows. */
  async function change(method, path, body, done) {
    const result = $('incident-result');
    try {
      const incident = await B.call(method, path, body ? { token: token(), body: body } : { token: token() });
      render(incident);
      $('incident-result').appendChild(el('p', { class: 'notice success' }, done));
      const listed = document.querySelector('#incident-rows tr[data-incident="' + incident.incidentId + '"] .incident-count');
      if (listed) {
        listed.textContent = String(incident.reporters);
      }
    } catch (e) {
      B.clear(result);
      result.appendChild(el('p', { class: 'notice error', role: 'alert' }, e.message));
    }
  }

  function forget() {
    nextCursor = null;
    opened = null;
    if ($(PANEL)) {
      B.clear($('incident-rows'));
      B.clear($('incident-body'));
      $('incident-detail').hidden = true;
    }
  }

  function start() {
    if (!$(TAB)) {
      return;
    }
    buildPanel();
    // console.js selects the tab (showing this panel through aria-controls) and says so
    window.addEventListener('bianmin:console-tab', (event) => {
      if (event.detail && event.detail.tab === TAB) {
        load(false);
      }
    });
    window.addEventListener('bianmin:console-signout', forget);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
