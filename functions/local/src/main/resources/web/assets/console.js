// The hotline agents' desk: the ticket queue with its views, search, sorting and live refresh, a ticket's detail with
// the caller's other tickets, notes and replies, and its lifecycle actions (/v1/staff/requests...), the classifier's
// suggestion when dispatching (/v1/requests/classify), the device alarm feed (/v1/alarms) and statistics
// (/v1/staff/stats). The server decides every permission; the buttons shown follow the same rules (a department's
// steps for departments, the dispatch centre's for the centre), so an agent is never offered what would be refused.
//
// Other views plug in with a tab button (role="tab", aria-controls=its panel, optionally data-needs="tickets",
// "alarms" or "dispatch") inside .tabs and a script of their own, which listens for these window events:
//   bianmin:console-tab      detail {tab, token, claims}  its tab was selected (load data then)
//   bianmin:console-signout  every trace of the identity must go (the page also reloads right after)
// and reads window.BianminConsole (token(), claims(), isDispatch(), toast(message, kind)).
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'bianmin.staffToken';
  const SIGNED_OUT_KEY = 'bianmin.consoleSignedOut';
  const REFRESH_MS = 20000;
  const DUE_SOON_MS = 24 * 3600 * 1000;

  // dispatchOnly: the dispatch centre's steps; departmentOnly: the department's (签收/办理/办结/退单), which the API
  // refuses to the dispatch centre. key: the keyboard shortcut.
  const ACTIONS = {
    dispatch: { label: '派单', from: ['RECEIVED', 'REJECTED', 'REOPENED'], dispatchOnly: true, key: 'd' },
    accept: { label: '签收', from: ['DISPATCHED', 'ESCALATED'], departmentOnly: true, key: 'a' },
    start: { label: '开始办理', from: ['ACCEPTED'], departmentOnly: true, key: 's' },
    resolve: { label: '办结', from: ['ACCEPTED', 'IN_PROGRESS', 'ESCALATED'], departmentOnly: true, key: 'e',
      noteRequired: '请填写办结说明（办理结果）。', noteLabel: '办结说明（市民可见）' },
    reject: { label: '退单', from: ['DISPATCHED', 'ACCEPTED'], departmentOnly: true, key: 'x',
      noteRequired: '请填写退单理由。', noteLabel: '退单理由（内部）', danger: true },
    escalate: { label: '督办', from: ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'], dispatchOnly: true, danger: true, key: 'u' },
    close: { label: '归档', from: ['RESOLVED'], dispatchOnly: true, key: 'c' },
    reopen: { label: '重办', from: ['RESOLVED', 'CLOSED'], dispatchOnly: true, key: 'o' }
  };
  const EVENT_LABELS = { RECEIVE: '受理', DISPATCH: '派单', ACCEPT: '签收', START: '开始办理', RESOLVE: '办结', REJECT: '退单',
    ESCALATE: '督办', CLOSE: '归档', REOPEN: '重办', RATE_CLOSE: '市民评价（归档）', RATE_REOPEN: '市民评价（重办）',
    NOTIFY: '通知部门', NOTE: '内部备注', REPLY: '答复市民' };
  const SLA_LABELS = { URGENT: '紧急（24小时）', NORMAL: '一般（5个工作日）', CONSULT: '咨询（1个工作日）' };
  const AWAITING_DISPATCH = ['RECEIVED', 'REJECTED', 'REOPENED'];
  const ALARM_LABELS = { SMOKE: '烟感报警', ELECTRICAL_FIRE: '电气火灾预警', WATERLOGGING: '积水超过警戒线',
    MANHOLE_DISPLACED: '井盖位移', BIN_FULL: '垃圾桶满溢', STREET_VENDOR: '占道经营', ILLEGAL_DUMPING: '偷倒垃圾',
    GARBAGE_EXPOSED: '垃圾暴露', CROWD: '人员聚集', ILLEGAL_TAXI: '非法营运车辆', NO_HELMET: '未戴安全帽',
    EBIKE_IN_ELEVATOR: '电动车进电梯', HIGH_THROW: '高空抛物', DEVICE_OFFLINE: '设备离线' };

  const state = {
    token: null,
    claims: null,
    departments: new Set(),
    tickets: [],
    queueCursor: null,
    view: '',
    alarmCursor: null,
    selected: null,
    pendingAction: null,
    alarmTimer: null,
    queueTimer: null,
    clockTimer: null,
    refreshing: false
  };

  // ---- messages

  let toastTimer = null;
  function toast(message, kind) {
    const box = B.clear($('toast'));
    box.appendChild(el('p', { class: 'notice ' + (kind || 'success') }, message));
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => B.clear(box), 6000);
  }

  function failed(error) {
    if (error.status === 401) {
      signOut(error.message);
      return;
    }
    toast(error.message, 'error');
  }

  // ---- signing in

  function decodeClaims(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(atob(payload).split('').map((c) => '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2)).join(''));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  function isDispatch() {
    return !!(state.claims && state.claims.role === 'dispatch');
  }

  function isDeviceAdmin() {
    return !!(state.claims && state.claims.role === 'device-admin');
  }

  // What the API lets this account do: tickets and statistics for the dispatch centre and departments, the alarm
  // feed for the dispatch centre and device administrators. Tabs it may not use are hidden, not left to fail.
  function allowedTabs() {
    const tickets = isDispatch() || !!(state.claims && state.claims.department);
    const alarms = isDispatch() || isDeviceAdmin();
    return tabs().filter((tab) => {
      const needs = tab.dataset.needs || (tab.id === 'tab-alarms' ? 'alarms' : 'tickets');
      return needs === 'alarms' ? alarms : needs === 'dispatch' ? isDispatch() : tickets;
    }).map((tab) => tab.id);
  }

  function signIn(token) {
    const claims = decodeClaims(token);
    if (!claims || !claims.sub) {
      $('sign-in-status').appendChild(el('p', { class: 'notice error' }, '令牌格式不正确。'));
      return false;
    }
    if (claims.exp && claims.exp * 1000 < Date.now()) {
      $('sign-in-status').appendChild(el('p', { class: 'notice error' }, '令牌已过期，请重新获取。'));
      return false;
    }
    state.token = token;
    state.claims = claims;
    sessionStorage.setItem(TOKEN_KEY, token);
    if (claims.department) {
      state.departments.add(claims.department);
    }
    $('identity-name').textContent = isDispatch() ? '12345热线分拨中心' : isDeviceAdmin() ? '设备管理员'
      : claims.role === 'knowledge-editor' ? '知识库编辑' : claims.department || claims.sub;
    $('identity').hidden = false;
    $('sign-in').hidden = true;
    $('workspace').hidden = false;
    $('filter-department-field').hidden = !isDispatch();
    fillDepartmentFilter();
    fillStatusFilter();
    const allowed = allowedTabs();
    tabs().forEach((tab) => { tab.hidden = !allowed.includes(tab.id); });
    if (allowed.length) {
      selectTab(allowed[0]);
    } else {
      // a role with none of these tabs (a knowledge editor): its own view's script opens it; nothing here loads
      tabs().forEach((tab) => { const panel = $(tab.getAttribute('aria-controls')); if (panel) { panel.hidden = true; } });
    }
    return true;
  }

  // Every trace of the identity goes: timers, the open dialog, the queue, the detail pane, toasts, the other tabs'
  // data, the staff keys in storage. Then the page reloads, so nothing a view kept in memory survives either.
  function signOut(message) {
    clearInterval(state.alarmTimer);
    clearInterval(state.queueTimer);
    clearInterval(state.clockTimer);
    clearTimeout(toastTimer);
    if (actionDialog.open) {
      actionDialog.close();
    }
    Object.assign(state, { token: null, claims: null, selected: null, tickets: [], queueCursor: null, view: '',
      alarmCursor: null, pendingAction: null, callerCache: null });
    ['toast', 'queue-rows', 'queue-views', 'detail-body', 'alarm-rows', 'stats-cards', 'stats-charts',
      'routing-quality-rows', 'routing-quality-summary', 'identity-name', 'queue-live', 'dispatch-choice'].forEach((id) => {
      if ($(id)) {
        B.clear($(id));
      }
    });
    ['queue-search', 'action-note', 'sign-in-token'].forEach((id) => { if ($(id)) { $(id).value = ''; } });
    $('detail-empty').hidden = false;
    $('identity').hidden = true;
    $('workspace').hidden = true;
    // the sign-in form comes back with the reloaded page, never on this one that held the previous identity
    $('sign-in').hidden = true;
    for (const storage of [sessionStorage, localStorage]) {
      Object.keys(storage).filter((key) => key.startsWith('bianmin.staff') || key.startsWith('bianmin.console'))
        .forEach((key) => storage.removeItem(key));
    }
    window.dispatchEvent(new CustomEvent('bianmin:console-signout'));
    sessionStorage.setItem(SIGNED_OUT_KEY, message || '');
    location.replace(location.pathname);
  }

  async function offerDevelopmentSignIn() {
    // The sign-in endpoint belongs to the local runtime that serves these pages, not to the API.
    try {
      const response = await fetch('../local/sign-in', { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) {
        return;
      }
      const options = await response.json();
      const select = B.clear($('sign-in-role'));
      select.appendChild(el('option', { value: '__dispatch' }, options.dispatchCentre + '（派单、督办、归档）'));
      if (options.deviceAdministrator) {
        select.appendChild(el('option', { value: '__device-admin' }, options.deviceAdministrator + '（设备告警）'));
      }
      if (options.knowledgeEditor) {
        select.appendChild(el('option', { value: '__knowledge-editor' }, options.knowledgeEditor + '（知识库缺口）'));
      }
      options.departments.forEach((d) => {
        state.departments.add(d);
        select.appendChild(el('option', { value: d }, d));
      });
      fillDepartmentFilter();
      $('dev-sign-in').hidden = false;
    } catch (e) {
      // Pages hosted without the local runtime: only pasted tokens.
    }
  }

  $('dev-sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = B.clear($('sign-in-status'));
    const value = $('sign-in-role').value;
    try {
      const response = await fetch('../local/sign-in', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, cache: 'no-store',
        body: JSON.stringify(value === '__dispatch' ? { dispatch: true }
          : value === '__device-admin' ? { role: 'device-admin' }
            : value === '__knowledge-editor' ? { role: 'knowledge-editor' } : { department: value })
      });
      const body = await response.json();
      if (!response.ok) {
        status.appendChild(el('p', { class: 'notice error' }, body.detail || (body.error && body.error.message) || '登录失败。'));
        return;
      }
      signIn(body.token);
    } catch (e) {
      status.appendChild(el('p', { class: 'notice error' }, '暂时连不上服务，请稍后重试。'));
    }
  });

  $('token-sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    B.clear($('sign-in-status'));
    const token = $('sign-in-token').value.trim().replace(/^Bearer\s+/i, '');
    if (!token) {
      $('sign-in-status').appendChild(el('p', { class: 'notice error' }, '请粘贴访问令牌。'));
      return;
    }
    if (signIn(token)) {
      $('sign-in-token').value = '';
    }
  });

  $('sign-out').addEventListener('click', () => signOut(null));

  // ---- tabs

  // The tabs are whatever tab buttons the page holds, so another view plugs in with a button and a panel.
  function tabs() {
    return Array.from(document.querySelectorAll('.tabs [role="tab"]'));
  }

  function selectTab(id) {
    tabs().forEach((tab) => {
      const selected = tab.id === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = $(tab.getAttribute('aria-controls'));
      if (panel) {
        panel.hidden = !selected;
      }
    });
    clearInterval(state.alarmTimer);
    clearInterval(state.queueTimer);
    if (id === 'tab-queue') {
      loadQueue();
      state.queueTimer = setInterval(refreshQueue, REFRESH_MS);
    } else if (id === 'tab-alarms') {
      loadAlarms();
      state.alarmTimer = setInterval(loadAlarms, 15000);
    } else if (id === 'tab-stats') {
      loadStats();
      loadRoutingQuality();
    }
    window.dispatchEvent(new CustomEvent('bianmin:console-tab', { detail: { tab: id, token: state.token, claims: state.claims } }));
  }

  tabs().forEach((tab) => {
    tab.addEventListener('click', () => selectTab(tab.id));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const shown = allowedTabs();
      if (step && shown.length) {
        const next = shown[(shown.indexOf(tab.id) + step + shown.length) % shown.length];
        selectTab(next);
        $(next).focus();
      }
    });
  });

  window.BianminConsole = {
    token: () => state.token,
    claims: () => state.claims,
    isDispatch: isDispatch,
    toast: toast
  };

  // ---- the queue

  function fillStatusFilter() {
    const select = $('filter-status');
    B.clear(select).appendChild(el('option', { value: '' }, '全部'));
    // a department never sees tickets waiting at dispatch (the API refuses them), so it is not offered them
    Object.keys(B.STATUS_LABELS).filter((s) => isDispatch() || !AWAITING_DISPATCH.includes(s))
      .forEach((status) => select.appendChild(el('option', { value: status }, B.STATUS_LABELS[status])));
  }

  function fillDepartmentFilter() {
    const select = $('filter-department');
    const current = select.value;
    B.clear(select).appendChild(el('option', { value: '' }, '全部部门'));
    Array.from(state.departments).sort().forEach((d) => select.appendChild(el('option', { value: d }, d)));
    select.value = current;
  }

  function isOpen(ticket) {
    return ticket.status !== 'RESOLVED' && ticket.status !== 'CLOSED';
  }

  function isOverdue(ticket) {
    return isOpen(ticket) && new Date(ticket.dueAt).getTime() < Date.now();
  }

  // overdue (red), due within a day (amber), or calm; finished tickets have no clock
  function urgency(ticket) {
    if (!isOpen(ticket)) {
      return 'done';
    }
    const left = new Date(ticket.dueAt).getTime() - Date.now();
    return left < 0 ? 'overdue' : left < DUE_SOON_MS ? 'soon' : 'calm';
  }

  function countdown(ticket) {
    if (!isOpen(ticket)) {
      return '已办结';
    }
    const left = new Date(ticket.dueAt).getTime() - Date.now();
    const minutes = Math.floor(Math.abs(left) / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const span = days > 0 ? days + '天' + hours + '小时' : hours > 0 ? hours + '小时' + (minutes % 60) + '分' : (minutes % 60) + '分钟';
    return left < 0 ? '已超期 ' + span : '剩余 ' + span;
  }

  // The criteria of the queue as the search route takes them: in the body, so a phone number never sits in a URL.
  function criteria(cursor, limit) {
    const body = { limit: limit || 50 };
    const q = $('queue-search').value.trim();
    if (q) {
      body.q = q;
    }
    if (state.view) {
      body.view = state.view;
    }
    if ($('queue-sort').value !== 'created') {
      body.sort = $('queue-sort').value;
    }
    if ($('filter-status').value) {
      body.status = $('filter-status').value;
    }
    if (isDispatch() && $('filter-department').value) {
      body.department = $('filter-department').value;
    }
    if (cursor) {
      body.cursor = cursor;
    }
    return body;
  }

  async function fetchQueue(cursor, limit) {
    return B.call('POST', '/v1/staff/requests/search', { body: criteria(cursor, limit), token: state.token });
  }

  // A new criterion starts from the first page; "加载更多" appends the next one.
  async function loadQueue() {
    if (!state.token) {
      return;
    }
    try {
      let result = await fetchQueue(null);
      // a search phrase filters what each page reads, so a page can come back empty with more to read: read on
      for (let more = 0; !result.requests.length && result.nextCursor && more < 5; more++) {
        result = await fetchQueue(result.nextCursor);
      }
      state.tickets = result.requests;
      state.queueCursor = result.nextCursor || null;
      learnDepartments(result.requests);
      renderQueue();
      followSelection();
      loadViews();
    } catch (error) {
      failed(error);
    }
  }

  async function loadMoreQueue() {
    if (!state.token || !state.queueCursor) {
      return false;
    }
    try {
      const result = await fetchQueue(state.queueCursor);
      const known = new Set(state.tickets.map((t) => t.trackingNumber));
      state.tickets = state.tickets.concat(result.requests.filter((t) => !known.has(t.trackingNumber)));
      state.queueCursor = result.nextCursor || null;
      learnDepartments(result.requests);
      renderQueue();
      return true;
    } catch (error) {
      failed(error);
      return false;
    }
  }

  // The live refresh: the pages already shown are read again (up to 200 tickets) and the rows updated in place, so
  // the selection, the focus and the scroll position stay where the agent left them.
  async function refreshQueue() {
    if (!state.token || state.refreshing || document.hidden || $('panel-queue').hidden) {
      return;
    }
    state.refreshing = true;
    try {
      const shown = state.tickets.length;
      const result = await fetchQueue(null, Math.min(200, Math.max(50, shown)));
      state.tickets = result.requests;
      state.queueCursor = result.nextCursor || null;
      learnDepartments(result.requests);
      renderQueue();
      followSelection();
      loadViews();
    } catch (error) {
      if (error.status === 401) {
        failed(error);
      }
      // other failures: the offline banner or the next round says it; a refresh never interrupts with a toast
    } finally {
      state.refreshing = false;
    }
  }

  function learnDepartments(tickets) {
    const before = state.departments.size;
    tickets.forEach((t) => state.departments.add(t.department));
    if (state.departments.size !== before) {
      fillDepartmentFilter();
    }
  }

  // The open ticket follows the refreshed data when it changed (a colleague acted on it).
  function followSelection() {
    if (!state.selected) {
      return;
    }
    const fresh = state.tickets.find((t) => t.trackingNumber === state.selected.trackingNumber);
    if (fresh && fresh.version !== state.selected.version) {
      renderDetail(fresh);
    }
  }

  function queueRow(ticket) {
    const level = urgency(ticket);
    return el('tr', {
      dataset: { trackingNumber: ticket.trackingNumber, version: String(ticket.version), urgency: level },
      class: 'urgency-' + level + (state.selected && state.selected.trackingNumber === ticket.trackingNumber ? ' selected' : ''),
      'aria-selected': state.selected && state.selected.trackingNumber === ticket.trackingNumber ? 'true' : null
    },
    el('td', null, el('button', { type: 'button', class: 'link', onclick: () => openTicket(ticket) }, ticket.trackingNumber)),
    el('td', null, ticket.sla === 'URGENT' ? el('span', { class: 'badge urgent' }, '紧急') : null,
      el('span', { class: 'summary' }, ticket.text)),
    el('td', null, ticket.category, el('br'), el('small', null, ticket.department)),
    el('td', null, el('span', { class: 'status status-' + ticket.status }, B.statusLabel(ticket.status))),
    el('td', { class: 'due due-' + level, 'data-due': ticket.dueAt, title: '办理时限 ' + B.formatTime(ticket.dueAt) },
      el('span', { class: 'countdown' }, countdown(ticket)), el('br'), el('small', null, B.formatTime(ticket.dueAt))));
  }

  // Rows are replaced only where a ticket changed and moved only where the order changed: a row with focus keeps it.
  function renderQueue() {
    const rows = $('queue-rows');
    const focused = document.activeElement && rows.contains(document.activeElement)
      ? document.activeElement.closest('tr').dataset.trackingNumber : null;
    const existing = new Map(Array.from(rows.children).map((row) => [row.dataset.trackingNumber, row]));
    const wanted = state.tickets.map((ticket) => {
      const row = existing.get(ticket.trackingNumber);
      existing.delete(ticket.trackingNumber);
      const selected = !!(state.selected && state.selected.trackingNumber === ticket.trackingNumber);
      if (row && row.dataset.version === String(ticket.version) && row.classList.contains('selected') === selected) {
        return row;
      }
      const fresh = queueRow(ticket);
      if (row) {
        row.replaceWith(fresh);
      }
      return fresh;
    });
    existing.forEach((row) => row.remove());
    wanted.forEach((row, i) => {
      if (rows.children[i] !== row) {
        rows.insertBefore(row, rows.children[i] || null);
      }
    });
    if (focused && !rows.contains(document.activeElement)) {
      const button = rows.querySelector('tr[data-tracking-number="' + focused + '"] button.link');
      if (button) {
        button.focus({ preventScroll: true });
      }
    }
    tickClocks();
    const sort = $('queue-sort').value;
    $('queue-caption').textContent = '工单（已显示' + state.tickets.length + '件' + (state.queueCursor ? '，还有更多' : '') + '）';
    $('queue-empty').hidden = state.tickets.length > 0;
    $('queue-more').hidden = !state.queueCursor;
    // 重复件 keeps its own order (its index is by filing time), whatever the sort says
    const duplicates = state.view === 'duplicates';
    $('queue-sort-hint').hidden = sort === 'created' && !duplicates;
    $('queue-sort-hint').textContent = duplicates ? '重复件：受理时发现疑似重复、尚未合并办理的工单，按受理时间排列（最新在前）。'
      : '按时限或紧急程度排序时只列出未办结的工单。';
    state.rounds = (state.rounds || 0) + 1;
    $('queue-live').dataset.round = String(state.rounds);
    $('queue-live').textContent = '每' + (REFRESH_MS / 1000) + '秒自动刷新 · 更新于 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false });
  }

  // The SLA clocks move without a reload: every half minute the countdowns and colours are recomputed.
  function tickClocks() {
    document.querySelectorAll('#queue-rows tr').forEach((row) => {
      const ticket = state.tickets.find((t) => t.trackingNumber === row.dataset.trackingNumber);
      if (!ticket) {
        return;
      }
      const level = urgency(ticket);
      if (row.dataset.urgency !== level) {
        row.classList.remove('urgency-' + row.dataset.urgency);
        row.classList.add('urgency-' + level);
        row.dataset.urgency = level;
        row.querySelector('td.due').className = 'due due-' + level;
      }
      row.querySelector('.countdown').textContent = countdown(ticket);
    });
    const clock = document.querySelector('#detail-body [data-field=countdown]');
    if (clock && state.selected) {
      clock.textContent = countdown(state.selected);
      clock.className = 'countdown due-' + urgency(state.selected);
    }
  }

  // ---- views with counts

  async function loadViews() {
    if (!state.token) {
      return;
    }
    const department = isDispatch() && $('filter-department').value;
    let result;
    try {
      result = await B.call('GET', '/v1/staff/requests/views' + (department ? '?department=' + encodeURIComponent(department) : ''),
        { token: state.token });
    } catch (error) {
      if (error.status === 401) {
        failed(error);
      }
      return;
    }
    const box = B.clear($('queue-views'));
    const chip = (view, label, count) => el('button', {
      type: 'button', class: 'view-chip' + (view === 'overdue' && count ? ' alert' : ''), 'data-view': view,
      'aria-pressed': String(state.view === view), onclick: () => chooseView(view)
    }, label, count === null ? null : el('span', { class: 'count', 'data-field': 'count' }, String(count)));
    box.appendChild(chip('', '全部', null));
    result.views.forEach((v) => box.appendChild(chip(v.view, v.label, v.count)));
  }

  function chooseView(view) {
    state.view = view;
    document.querySelectorAll('#queue-views [data-view]').forEach((b) => {
      if (!b.disabled) {
        b.setAttribute('aria-pressed', String(b.dataset.view === view));
      }
    });
    loadQueue();
  }

  $('queue-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadQueue();
  });
  $('filter-status').addEventListener('change', loadQueue);
  $('filter-department').addEventListener('change', loadQueue);
  $('queue-sort').addEventListener('change', loadQueue);
  $('queue-more').addEventListener('click', loadMoreQueue);

  // ---- ticket detail

  // Opening a ticket never moves the list: the detail sits beside it (sticky) on a desk, below it on a phone, where
  // the detail is scrolled into view and "返回列表" brings the agent back to the row.
  function openTicket(ticket) {
    renderDetail(ticket);
    renderQueue();
    const stacked = window.matchMedia('(max-width: 900px)').matches;
    $('detail').focus({ preventScroll: !stacked });
    if (stacked) {
      $('detail').scrollIntoView({ block: 'start' });
    }
  }

  async function openByNumber(trackingNumber) {
    try {
      const result = await B.call('GET', '/v1/staff/requests?q=' + encodeURIComponent(trackingNumber), { token: state.token });
      if (result.requests.length) {
        openTicket(result.requests[0]);
      } else {
        toast('工单 ' + trackingNumber + ' 不在您的队列中。', 'error');
      }
    } catch (error) {
      failed(error);
    }
  }

  function availableActions(ticket) {
    return Object.keys(ACTIONS).filter((name) => {
      const action = ACTIONS[name];
      const role = isDispatch() ? !action.departmentOnly : !action.dispatchOnly;
      return role && action.from.includes(ticket.status);
    });
  }

  function renderDetail(ticket) {
    const same = state.selected && state.selected.trackingNumber === ticket.trackingNumber;
    const draft = same && $('note-text') ? $('note-text').value : '';
    state.selected = ticket;
    $('detail-empty').hidden = true;
    const body = B.clear($('detail-body'));
    const location = ticket.location || {};
    const where = [location.address, location.community].filter(Boolean).join(' · ')
      || (location.lat ? location.lat + ', ' + location.lon : '—');
    const level = urgency(ticket);
    body.appendChild(el('button', { type: 'button', class: 'secondary back-to-list', onclick: backToList }, '返回列表'));
    body.appendChild(el('h3', { id: 'detail-number' }, ticket.trackingNumber, ' ',
      el('span', { class: 'status status-' + ticket.status, 'data-field': 'status' }, B.statusLabel(ticket.status)),
      ticket.sla === 'URGENT' ? el('span', { class: 'badge urgent' }, '紧急') : null));
    if (ticket.manualTriage) {
      body.appendChild(el('p', { class: 'triage' }, '系统无法确定分类，待分拨中心人工派单。'));
    }
    body.appendChild(el('p', { class: 'ticket-text' }, ticket.text));
    body.appendChild(el('dl', null,
      el('dt', null, '类别'), el('dd', null, ticket.domain + ' / ' + ticket.category),
      el('dt', null, '承办部门'), el('dd', { 'data-field': 'department' }, ticket.department),
      el('dt', null, '网格'), el('dd', null, ticket.grid || '—'),
      el('dt', null, '地址'), el('dd', null, where),
      el('dt', null, '联系电话'), el('dd', null, ticket.phone || '—'),
      ticket.externalId ? [el('dt', null, '原系统编号'), el('dd', null, ticket.externalId)] : null,
      el('dt', null, '时限类别'), el('dd', null, SLA_LABELS[ticket.sla] || ticket.sla),
      el('dt', null, '办理时限'), el('dd', { class: isOverdue(ticket) ? 'overdue' : null },
        B.formatTime(ticket.dueAt), ' ', el('span', { class: 'countdown due-' + level, 'data-field': 'countdown' }, countdown(ticket))),
      el('dt', null, '受理时间'), el('dd', null, B.formatTime(ticket.createdAt))));
    const actions = availableActions(ticket);
    body.appendChild(el('div', { class: 'actions-row', role: 'group', 'aria-label': '可执行的操作' },
      actions.length ? actions.map((name) => el('button', {
        type: 'button', class: ACTIONS[name].danger ? 'danger' : null, 'data-action': name,
        'aria-keyshortcuts': ACTIONS[name].key, onclick: () => openAction(ticket, name)
      }, ACTIONS[name].label, el('kbd', { 'aria-hidden': 'true' }, ACTIONS[name].key)))
        : el('p', { class: 'hint' }, isDispatch() ? '当前状态下分拨中心没有可执行的操作。' : '当前状态下本部门没有可执行的操作。')));
    body.appendChild(noteForm(ticket, draft));
    body.appendChild(el('section', { id: 'caller-tickets', 'aria-labelledby': 'caller-tickets-title' },
      el('h4', { id: 'caller-tickets-title' }, '来电人的其他诉求'), el('p', { class: 'hint' }, '正在查询…')));
    body.appendChild(el('h4', null, '处理记录'));
    body.appendChild(el('div', { class: 'table-scroll' }, el('table', { class: 'history' },
      el('thead', null, el('tr', null, ['时间', '操作人', '动作', '状态', '说明'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', null, (ticket.history || []).map((h) => el('tr', { class: h.internal ? 'internal' : null },
        el('td', null, B.formatTime(h.at)),
        el('td', { title: h.actor || '' }, h.actorName || h.actor || '—'),
        el('td', null, EVENT_LABELS[h.action] || h.action),
        el('td', null, h.from === h.to ? '—' : (h.from ? B.statusLabel(h.from) + ' → ' : '') + B.statusLabel(h.to)),
        el('td', null, h.note ? el('span', { class: 'tag ' + (h.internal ? 'tag-internal' : 'tag-public') },
          h.internal ? '内部' : '市民可见') : null, h.note ? ' ' + h.note : '',
          h.delivery ? el('small', { class: 'delivery' }, '（' + h.delivery + '）') : null)))))));
    const key = ticket.trackingNumber + '#' + ticket.version;
    if (state.callerCache && state.callerCache.key === key) {
      showCallerTickets(ticket, state.callerCache.result);
    } else {
      loadCallerTickets(ticket, key);
    }
  }

  function backToList() {
    const row = document.querySelector('#queue-rows tr[data-tracking-number="' + (state.selected && state.selected.trackingNumber) + '"] button.link');
    if (row) {
      row.focus();
    }
  }

  // Notes for colleagues and replies to the citizen are two buttons on one text box, never one ambiguous field.
  function noteForm(ticket, draft) {
    const text = el('textarea', { id: 'note-text', rows: '2', maxlength: '1000', autocomplete: 'off',
      'aria-describedby': 'note-hint' });
    text.value = draft || '';
    const send = async (visibility) => {
      const value = text.value.trim();
      if (!value) {
        $('note-hint').textContent = '请先填写内容。';
        text.focus();
        return;
      }
      try {
        const updated = await B.call('POST', '/v1/staff/requests/' + encodeURIComponent(ticket.trackingNumber) + '/notes',
          { body: { text: value, visibility: visibility }, token: state.token });
        text.value = '';
        toast(visibility === 'public' ? '已答复市民，市民查询进度时可见。' : '已添加内部备注（市民不可见）。');
        renderDetail(updated);
        refreshQueue();
      } catch (error) {
        failed(error);
      }
    };
    return el('form', { id: 'note-form', class: 'note-form', onsubmit: (e) => { e.preventDefault(); send('internal'); } },
      el('label', { for: 'note-text' }, '备注 / 答复'), text,
      el('p', { id: 'note-hint', class: 'hint' }, '内部备注只有工作人员可见；答复市民会出现在市民的办理进度中。'),
      el('div', { class: 'actions-row' },
        el('button', { type: 'submit', class: 'secondary', id: 'note-internal', 'aria-keyshortcuts': 'n' }, '添加内部备注'),
        el('button', { type: 'button', class: 'secondary', id: 'note-public', 'aria-keyshortcuts': 'p',
          onclick: () => send('public') }, '答复市民')));
  }

  async function loadCallerTickets(ticket, key) {
    let result;
    try {
      result = await B.call('GET', '/v1/staff/requests/' + encodeURIComponent(ticket.trackingNumber) + '/caller-tickets',
        { token: state.token });
    } catch (error) {
      if (error.status === 401) {
        failed(error);
      }
      return;
    }
    state.callerCache = { key: key, result: result };
    if (state.selected && state.selected.trackingNumber === ticket.trackingNumber) {
      showCallerTickets(ticket, result);
    }
  }

  function showCallerTickets(ticket, result) {
    const section = $('caller-tickets');
    if (!section) {
      return;
    }
    B.clear(section).appendChild(el('h4', { id: 'caller-tickets-title' }, '来电人的其他诉求（' + result.count + '）'));
    if (!result.requests.length) {
      section.appendChild(el('p', { class: 'hint' }, result.hidden ? '其他 ' + result.hidden + ' 件由其他部门办理。' : '没有其他诉求。'));
      return;
    }
    section.appendChild(el('ul', { class: 'caller-list' }, result.requests.map((t) => el('li', null,
      el('button', { type: 'button', class: 'link', onclick: () => openByNumber(t.trackingNumber) }, t.trackingNumber), ' ',
      el('span', { class: 'status status-' + t.status }, B.statusLabel(t.status)), ' ',
      el('small', null, B.formatTime(t.createdAt) + ' · ' + (t.category || '') + ' · ' + t.text)))));
    if (result.hidden) {
      section.appendChild(el('p', { class: 'hint' }, '另有 ' + result.hidden + ' 件由其他部门办理。'));
    }
  }

  // ---- actions

  const actionDialog = $('action-dialog');

  async function openAction(ticket, name) {
    const action = ACTIONS[name];
    state.pendingAction = { ticket: ticket, name: name };
    $('action-title').textContent = action.label + ' · ' + ticket.trackingNumber;
    $('action-note').value = '';
    $('action-note-label').textContent = action.noteLabel || '说明（选填）';
    if (action.noteRequired) {
      $('action-note').setAttribute('required', '');
    } else {
      $('action-note').removeAttribute('required');
    }
    B.clear($('action-note-error'));
    B.clear($('action-status'));
    const choice = B.clear($('dispatch-choice'));
    actionDialog.showModal();
    if (name === 'dispatch') {
      choice.appendChild(el('p', { class: 'hint' }, '正在获取智能分类建议…'));
      await suggestDepartments(ticket, choice);
    } else {
      $('action-note').focus();
    }
  }

  async function suggestDepartments(ticket, choice) {
    let suggestion = null;
    try {
      suggestion = await B.call('POST', '/v1/requests/classify', { body: { text: ticket.text } });
    } catch (error) {
      // The agent can still choose a department by hand.
    }
    B.clear(choice);
    const fieldset = el('fieldset', { id: 'department-choice' }, el('legend', null, '承办部门'));
    const options = [];
    const seen = new Set();
    // A suggested or alternative option carries its category: dispatching with it files the ticket under that
    // category too, so choosing an alternative is recorded as a correction of the router (a training label).
    function option(department, detail, checked, categoryCode) {
      if (!department || seen.has(department)) {
        return;
      }
      seen.add(department);
      options.push(el('label', { class: 'choice' },
        el('input', { type: 'radio', name: 'department', value: department, checked: checked,
          'data-category-code': categoryCode || null }),
        el('span', null, department, detail ? el('small', null, detail) : null)));
    }
    if (suggestion) {
      option(suggestion.department, '智能建议：' + suggestion.domain + ' / ' + suggestion.category + '，置信度 '
        + Math.round(suggestion.confidence * 100) + '%' + (suggestion.manualTriage ? '（偏低，请人工判断）' : '')
        + (suggestion.department === ticket.department ? '（即当前部门）' : ''), true, suggestion.categoryCode);
    }
    option(ticket.department, '当前部门：' + ticket.category, !suggestion);
    if (suggestion) {
      (suggestion.alternatives || []).forEach((alt) => option(alt.department,
        '备选：' + alt.domain + ' / ' + alt.category + '，置信度 ' + Math.round(alt.confidence * 100) + '%', false,
        alt.categoryCode));
    }
    options.forEach((o) => fieldset.appendChild(o));
    const others = el('select', { id: 'dispatch-other', 'aria-label': '其他部门' }, el('option', { value: '' }, '其他部门…'));
    Array.from(state.departments).sort().filter((d) => !seen.has(d)).forEach((d) => others.appendChild(el('option', { value: d }, d)));
    fieldset.appendChild(el('label', { for: 'dispatch-other' }, '或选择其他部门'));
    fieldset.appendChild(others);
    choice.appendChild(fieldset);
    if (suggestion && suggestion.terms && suggestion.terms.length) {
      choice.appendChild(el('p', { class: 'suggestion-terms', id: 'suggestion-terms' },
        '判断依据：' + suggestion.terms.map((t) => t.term).join('、')));
    }
    const checked = choice.querySelector('input[name="department"]:checked');
    (checked || others).focus();
  }

  $('action-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const pending = state.pendingAction;
    if (!pending) {
      return;
    }
    const action = ACTIONS[pending.name];
    const note = $('action-note').value.trim();
    if (action.noteRequired && !note) {
      $('action-note-error').textContent = action.noteRequired;
      $('action-note').setAttribute('aria-invalid', 'true');
      $('action-note').focus();
      return;
    }
    $('action-note').removeAttribute('aria-invalid');
    const body = { action: pending.name };
    if (note) {
      body.note = note;
    }
    if (pending.name === 'dispatch') {
      const other = $('dispatch-other');
      const checked = document.querySelector('input[name="department"]:checked');
      body.department = (other && other.value) || (checked && checked.value) || undefined;
      if (!(other && other.value) && checked && checked.dataset.categoryCode) {
        body.categoryCode = checked.dataset.categoryCode;
      }
    }
    $('action-submit').disabled = true;
    try {
      const updated = await B.call('POST', '/v1/staff/requests/' + encodeURIComponent(pending.ticket.trackingNumber) + '/transitions',
        { body: body, token: state.token });
      actionDialog.close();
      state.pendingAction = null;
      toast(pending.ticket.trackingNumber + ' 已' + action.label + '，当前状态：' + B.statusLabel(updated.status));
      renderDetail(updated);
      refreshQueue();
    } catch (error) {
      if (error.status === 401) {
        actionDialog.close();
        failed(error);
      } else {
        $('action-status').appendChild(el('p', { class: 'notice error' }, error.message));
      }
    } finally {
      $('action-submit').disabled = false;
    }
  });

  // ---- device alarms

  async function loadAlarms(more) {
    if (!state.token) {
      return;
    }
    const cursor = more === true ? state.alarmCursor : null;
    try {
      const result = await B.call('GET', '/v1/alarms?status=' + encodeURIComponent($('alarm-status').value)
        + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''), { token: state.token });
      const rows = cursor ? $('alarm-rows') : B.clear($('alarm-rows'));
      result.alarms.forEach((alarm) => rows.appendChild(alarmRow(alarm)));
      state.alarmCursor = result.nextCursor || null;
      $('alarm-empty').hidden = rows.children.length > 0;
      $('alarm-more').hidden = !state.alarmCursor;
    } catch (error) {
      failed(error);
    }
  }

  function alarmRow(alarm) {
    const open = alarm.status === 'OPEN' || alarm.status === 'ACKNOWLEDGED';
    const act = (action, label, kind) => el('button', {
      type: 'button', class: kind || 'secondary', 'data-alarm-action': action, onclick: () => actOnAlarm(alarm, action, label)
    }, label);
    return el('tr', { dataset: { deviceId: alarm.deviceId, type: alarm.type } },
      el('td', null, ALARM_LABELS[alarm.type] || alarm.type),
      el('td', null, alarm.deviceId),
      el('td', null, alarm.grid || '—'),
      el('td', null, B.formatTime(alarm.lastSeen)),
      el('td', null, String(alarm.count)),
      el('td', null, alarm.trackingNumber
        ? el('button', { type: 'button', class: 'link', onclick: () => showTicketByNumber(alarm.trackingNumber) }, alarm.trackingNumber)
        : '—'),
      el('td', null, open ? el('div', { class: 'actions-row' },
        alarm.status === 'OPEN' ? act('acknowledge', '确认', 'secondary') : null,
        act('resolve', '解除', 'secondary'),
        act('false_positive', '误报', 'secondary')) : '—'));
  }

  async function actOnAlarm(alarm, action, label) {
    try {
      await B.call('POST', '/v1/staff/alarms/' + encodeURIComponent(alarm.deviceId) + '/' + encodeURIComponent(alarm.type) + '/actions',
        { body: { action: action }, token: state.token });
      toast((ALARM_LABELS[alarm.type] || alarm.type) + '（' + alarm.deviceId + '）已' + label);
      loadAlarms();
    } catch (error) {
      failed(error);
    }
  }

  async function showTicketByNumber(trackingNumber) {
    selectTab('tab-queue');
    await openByNumber(trackingNumber);
  }

  $('alarm-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadAlarms();
  });
  $('alarm-status').addEventListener('change', () => loadAlarms());
  $('alarm-more').addEventListener('click', () => loadAlarms(true));

  // ---- statistics

  function percent(value) {
    return value === null || value === undefined ? '—' : (Math.round(value * 1000) / 10) + '%';
  }

  // The statistics view is console-stats.js (window.BianminStats): it keeps its own range and clears itself on sign-out.
  function loadStats() {
    if (state.token && window.BianminStats) {
      window.BianminStats.show(state.token, state.claims);
    }
  }

  // How well the router's suggestions matched the dispatch centre's final routing, per domain, over the last 30
  // days (/v1/staff/routing/quality). Only the dispatch centre may read it, so only it sees the table.
  async function loadRoutingQuality() {
    const section = $('routing-quality');
    section.hidden = !isDispatch();
    if (!isDispatch()) {
      return;
    }
    let quality;
    try {
      quality = await B.call('GET', '/v1/staff/routing/quality', { token: state.token });
    } catch (error) {
      failed(error);
      return;
    }
    const overall = quality.overall;
    $('routing-quality-summary').textContent = quality.from + ' 至 ' + quality.to + '：自动分类 ' + quality.classified
      + ' 件，已派单 ' + overall.count + ' 件，其中改派 ' + quality.corrected + ' 件，待派单 ' + quality.awaitingDispatch
      + ' 件；领域准确率 ' + percent(overall.domainAccuracy) + '。';
    const rows = B.clear($('routing-quality-rows'));
    const share = (part, whole) => whole === 0 ? '—' : part + '（' + percent(part / whole) + '）';
    quality.byDomain.forEach((d) => {
      const a = d.accuracy;
      rows.appendChild(el('tr', { 'data-domain': d.domain },
        el('th', { scope: 'row' }, d.domain),
        el('td', { 'data-field': 'count' }, String(a.count)),
        el('td', { 'data-field': 'domain-accuracy' }, share(a.domainCorrect, a.count)),
        el('td', { 'data-field': 'category-accuracy' }, share(a.categoryCorrect, a.count)),
        el('td', { 'data-field': 'department-accuracy' }, share(a.departmentCorrect, a.count)),
        el('td', { 'data-field': 'suggested' }, String(d.suggested)),
        el('td', { 'data-field': 'precision' }, percent(d.precision))));
    });
    $('routing-quality-empty').hidden = quality.byDomain.length > 0;
  }

  $('stats-refresh').addEventListener('click', loadStats);
  $('stats-refresh').addEventListener('click', loadRoutingQuality);

  // ---- keyboard shortcuts

  // Single keys, as in mail and ticket desks, only while no field has the focus and no dialog is open; the page's
  // help (#shortcut-help) lists them.
  function typing(target) {
    return target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  }

  function step(offset) {
    if (!state.tickets.length) {
      return;
    }
    const at = state.selected ? state.tickets.findIndex((t) => t.trackingNumber === state.selected.trackingNumber) : -1;
    const next = state.tickets[Math.max(0, Math.min(state.tickets.length - 1, at + offset))];
    renderDetail(next);
    renderQueue();
    const button = document.querySelector('#queue-rows tr[data-tracking-number="' + next.trackingNumber + '"] button.link');
    if (button) {
      button.focus({ preventScroll: true });
      button.closest('tr').scrollIntoView({ block: 'nearest' });
    }
  }

  document.addEventListener('keydown', (event) => {
    if (!state.token || event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || actionDialog.open) {
      return;
    }
    if (event.key === '?') {
      const help = $('shortcut-help');
      help.open = !help.open;
      event.preventDefault();
      return;
    }
    if ($('panel-queue').hidden) {
      return;
    }
    const key = event.key.toLowerCase();
    const action = Object.keys(ACTIONS).find((name) => ACTIONS[name].key === key);
    if (key === '/') {
      $('queue-search').focus();
    } else if (key === 'j') {
      step(1);
    } else if (key === 'k') {
      step(-1);
    } else if (key === 'r') {
      refreshQueue();
    } else if (key === 'n' && $('note-text')) {
      $('note-text').focus();
    } else if (action && state.selected) {
      const button = document.querySelector('#detail-body [data-action="' + action + '"]');
      if (!button) {
        return;
      }
      button.click();
    } else {
      return;
    }
    event.preventDefault();
  });

  // ---- start

  state.clockTimer = setInterval(tickClocks, 30000);
  offerDevelopmentSignIn();
  const signedOut = sessionStorage.getItem(SIGNED_OUT_KEY);
  if (signedOut !== null) {
    sessionStorage.removeItem(SIGNED_OUT_KEY);
    if (signedOut) {
      $('sign-in-status').appendChild(el('p', { class: 'notice error' }, signedOut));
    }
  }
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved && !signIn(saved)) {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}());
