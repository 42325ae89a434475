// The hotline agents' console: the ticket queue and its lifecycle actions (/v1/staff/requests...), the classifier's
// suggestion when dispatching (/v1/requests/classify), the device alarm feed (/v1/alarms) and statistics
// (/v1/staff/stats). The server decides every permission; the buttons shown only follow the lifecycle table.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const $ = (id) => document.getElementById(id);
  const TOKEN_KEY = 'bianmin.staffToken';

  const ACTIONS = {
    dispatch: { label: '派单', from: ['RECEIVED', 'REJECTED', 'REOPENED'], dispatchOnly: true },
    accept: { label: '签收', from: ['DISPATCHED', 'ESCALATED'] },
    start: { label: '开始办理', from: ['ACCEPTED'] },
    resolve: { label: '办结', from: ['ACCEPTED', 'IN_PROGRESS', 'ESCALATED'], noteRequired: '请填写办结说明（办理结果）。', noteLabel: '办结说明' },
    reject: { label: '退单', from: ['DISPATCHED', 'ACCEPTED'], noteRequired: '请填写退单理由。', noteLabel: '退单理由', danger: true },
    escalate: { label: '督办', from: ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'], dispatchOnly: true, danger: true },
    close: { label: '归档', from: ['RESOLVED'], dispatchOnly: true },
    reopen: { label: '重办', from: ['RESOLVED', 'CLOSED'], dispatchOnly: true }
  };
  const EVENT_LABELS = { RECEIVE: '受理', DISPATCH: '派单', ACCEPT: '签收', START: '开始办理', RESOLVE: '办结', REJECT: '退单',
    ESCALATE: '督办', CLOSE: '归档', REOPEN: '重办', RATE_CLOSE: '市民评价（归档）', RATE_REOPEN: '市民评价（重办）',
    NOTIFY: '通知部门' };
  const SLA_LABELS = { URGENT: '紧急（24小时）', NORMAL: '一般（5个工作日）', CONSULT: '咨询（1个工作日）' };
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
    alarmCursor: null,
    selected: null,
    pendingAction: null,
    alarmTimer: null
  };

  // ---- messages -----------------------------------------------------------------------------------------------

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

  // ---- signing in ---------------------------------------------------------------------------------------------

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
    return state.claims && state.claims.role === 'dispatch';
  }

  function isDeviceAdmin() {
    return state.claims && state.claims.role === 'device-admin';
  }

  // What the API lets this account do: tickets and statistics for the dispatch centre and departments, the alarm
  // feed for the dispatch centre and device administrators. Tabs it may not use are hidden, not left to fail.
  function allowedTabs() {
    const tickets = isDispatch() || !!(state.claims && state.claims.department);
    const alarms = isDispatch() || isDeviceAdmin();
    return tabs.filter((id) => (id === 'tab-alarms' ? alarms : tickets));
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
    $('identity-name').textContent = isDispatch() ? '12345热线分拨中心' : isDeviceAdmin() ? '设备管理员' : claims.department || claims.sub;
    $('identity').hidden = false;
    $('sign-in').hidden = true;
    $('workspace').hidden = false;
    $('filter-department-field').hidden = !isDispatch();
    fillDepartmentFilter();
    const allowed = allowedTabs();
    tabs.forEach((id) => { $(id).hidden = !allowed.includes(id); });
    selectTab(allowed[0] || 'tab-queue');
    return true;
  }

  function signOut(message) {
    state.token = null;
    state.claims = null;
    state.selected = null;
    state.tickets = [];
    state.queueCursor = null;
    state.alarmCursor = null;
    sessionStorage.removeItem(TOKEN_KEY);
    clearInterval(state.alarmTimer);
    $('identity').hidden = true;
    $('workspace').hidden = true;
    $('sign-in').hidden = false;
    const status = B.clear($('sign-in-status'));
    if (message) {
      status.appendChild(el('p', { class: 'notice error' }, message));
    }
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
      options.departments.forEach((d) => {
        state.departments.add(d);
        select.appendChild(el('option', { value: d }, d));
      });
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
          : value === '__device-admin' ? { role: 'device-admin' } : { department: value })
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

  // ---- tabs ---------------------------------------------------------------------------------------------------

  const tabs = ['tab-queue', 'tab-alarms', 'tab-stats'];

  function selectTab(id) {
    tabs.forEach((tabId) => {
      const tab = $(tabId);
      const selected = tabId === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !selected;
    });
    clearInterval(state.alarmTimer);
    if (id === 'tab-queue') {
      loadQueue();
    } else if (id === 'tab-alarms') {
      loadAlarms();
      state.alarmTimer = setInterval(loadAlarms, 15000);
    } else {
      loadStats();
      loadRoutingQuality();
    }
  }

  tabs.forEach((id) => {
    $(id).addEventListener('click', () => selectTab(id));
    $(id).addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const shown = allowedTabs();
      if (step && shown.length) {
        const next = shown[(shown.indexOf(id) + step + shown.length) % shown.length];
        selectTab(next);
        $(next).focus();
      }
    });
  });

  // ---- the queue ----------------------------------------------------------------------------------------------

  Object.keys(B.STATUS_LABELS).forEach((status) =>
    $('filter-status').appendChild(el('option', { value: status }, B.STATUS_LABELS[status])));

  function fillDepartmentFilter() {
    const select = $('filter-department');
    const current = select.value;
    B.clear(select).appendChild(el('option', { value: '' }, '全部部门'));
    Array.from(state.departments).sort().forEach((d) => select.appendChild(el('option', { value: d }, d)));
    select.value = current;
  }

  function isOverdue(ticket) {
    return ticket.status !== 'RESOLVED' && ticket.status !== 'CLOSED' && new Date(ticket.dueAt).getTime() < Date.now();
  }

  // The queue is paged by the server (limit + cursor): a new filter starts from the first page, "加载更多" appends
  // the next one, and nextCursor says whether there is one.
  function queueQuery(cursor) {
    const params = new URLSearchParams();
    if ($('filter-status').value) {
      params.set('status', $('filter-status').value);
    }
    if (isDispatch() && $('filter-department').value) {
      params.set('department', $('filter-department').value);
    }
    if (cursor) {
      params.set('cursor', cursor);
    }
    return '/v1/staff/requests' + (params.toString() ? '?' + params : '');
  }

  async function loadQueue() {
    if (!state.token) {
      return;
    }
    try {
      const result = await B.call('GET', queueQuery(null), { token: state.token });
      state.tickets = result.requests;
      state.queueCursor = result.nextCursor || null;
      state.tickets.forEach((t) => state.departments.add(t.department));
      renderQueue();
      if (state.selected) {
        const fresh = state.tickets.find((t) => t.trackingNumber === state.selected.trackingNumber);
        if (fresh) {
          renderDetail(fresh);
        }
      }
    } catch (error) {
      failed(error);
    }
  }

  async function loadMoreQueue() {
    if (!state.token || !state.queueCursor) {
      return false;
    }
    try {
      const result = await B.call('GET', queueQuery(state.queueCursor), { token: state.token });
      const known = new Set(state.tickets.map((t) => t.trackingNumber));
      state.tickets = state.tickets.concat(result.requests.filter((t) => !known.has(t.trackingNumber)));
      state.queueCursor = result.nextCursor || null;
      result.requests.forEach((t) => state.departments.add(t.department));
      renderQueue();
      return true;
    } catch (error) {
      failed(error);
      return false;
    }
  }

  function renderQueue() {
    const overdueOnly = $('filter-overdue').checked;
    const shown = state.tickets.filter((t) => !overdueOnly || isOverdue(t));
    const rows = B.clear($('queue-rows'));
    shown.forEach((ticket) => {
      const overdue = isOverdue(ticket);
      rows.appendChild(el('tr', {
        dataset: { trackingNumber: ticket.trackingNumber },
        class: state.selected && state.selected.trackingNumber === ticket.trackingNumber ? 'selected' : null
      },
      el('td', null, el('button', { type: 'button', class: 'link', onclick: () => openTicket(ticket) }, ticket.trackingNumber)),
      el('td', null, el('span', { class: 'summary' }, ticket.text)),
      el('td', null, ticket.category, el('br'), el('small', null, ticket.department)),
      el('td', null, el('span', { class: 'status status-' + ticket.status }, B.statusLabel(ticket.status))),
      el('td', { class: overdue ? 'overdue' : null }, B.formatTime(ticket.dueAt), overdue ? '（已超期）' : '')));
    });
    $('queue-caption').textContent = '工单（' + shown.length + '件' + (overdueOnly ? '，只看超期' : '') + '）';
    $('queue-empty').hidden = shown.length > 0;
    $('queue-more').hidden = !state.queueCursor;
  }

  $('queue-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadQueue();
  });
  $('filter-status').addEventListener('change', loadQueue);
  $('filter-department').addEventListener('change', loadQueue);
  $('filter-overdue').addEventListener('change', renderQueue);
  $('queue-more').addEventListener('click', loadMoreQueue);

  // ---- ticket detail ------------------------------------------------------------------------------------------

  function openTicket(ticket) {
    renderDetail(ticket);
    renderQueue();
    $('detail').focus();
  }

  function availableActions(ticket) {
    return Object.keys(ACTIONS).filter((name) => {
      const action = ACTIONS[name];
      return action.from.includes(ticket.status) && (isDispatch() || !action.dispatchOnly);
    });
  }

  function renderDetail(ticket) {
    state.selected = ticket;
    $('detail-empty').hidden = true;
    const body = B.clear($('detail-body'));
    const location = ticket.location || {};
    const where = [location.address, location.community].filter(Boolean).join(' · ')
      || (location.lat ? location.lat + ', ' + location.lon : '—');
    body.appendChild(el('h3', { id: 'detail-number' }, ticket.trackingNumber, ' ',
      el('span', { class: 'status status-' + ticket.status, 'data-field': 'status' }, B.statusLabel(ticket.status))));
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
      el('dt', null, '时限类别'), el('dd', null, SLA_LABELS[ticket.sla] || ticket.sla),
      el('dt', null, '办理时限'), el('dd', { class: isOverdue(ticket) ? 'overdue' : null },
        B.formatTime(ticket.dueAt), isOverdue(ticket) ? '（已超期）' : ''),
      el('dt', null, '受理时间'), el('dd', null, B.formatTime(ticket.createdAt))));
    const actions = availableActions(ticket);
    body.appendChild(el('div', { class: 'actions-row', role: 'group', 'aria-label': '可执行的操作' },
      actions.length ? actions.map((name) => el('button', {
        type: 'button', class: ACTIONS[name].danger ? 'danger' : null, 'data-action': name,
        onclick: () => openAction(ticket, name)
      }, ACTIONS[name].label)) : el('p', { class: 'hint' }, '当前状态下没有可执行的操作。')));
    body.appendChild(el('h4', null, '处理记录'));
    body.appendChild(el('table', { class: 'history' },
      el('thead', null, el('tr', null, ['时间', '操作人', '动作', '状态', '说明'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', null, (ticket.history || []).map((h) => el('tr', null,
        el('td', null, B.formatTime(h.at)),
        el('td', null, h.actor || '—'),
        el('td', null, EVENT_LABELS[h.action] || h.action),
        el('td', null, (h.from ? B.statusLabel(h.from) + ' → ' : '') + B.statusLabel(h.to)),
        el('td', null, h.note || ''))))));
  }

  // ---- actions ------------------------------------------------------------------------------------------------

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
      await loadQueue();
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

  // ---- device alarms ------------------------------------------------------------------------------------------

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
    $('filter-status').value = '';
    $('filter-overdue').checked = false;
    selectTab('tab-queue');
    await loadQueue();
    let ticket = state.tickets.find((t) => t.trackingNumber === trackingNumber);
    // the alarm's ticket may be further down the queue: follow the pages for a while
    for (let pages = 0; !ticket && state.queueCursor && pages < 20; pages++) {
      if (!await loadMoreQueue()) {
        break;
      }
      ticket = state.tickets.find((t) => t.trackingNumber === trackingNumber);
    }
    if (ticket) {
      openTicket(ticket);
    } else {
      toast('工单 ' + trackingNumber + ' 不在您的队列中。', 'error');
    }
  }

  $('alarm-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadAlarms();
  });
  $('alarm-status').addEventListener('change', () => loadAlarms());
  $('alarm-more').addEventListener('click', () => loadAlarms(true));

  // ---- statistics ---------------------------------------------------------------------------------------------

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

  // ---- start --------------------------------------------------------------------------------------------------

  offerDevelopmentSignIn();
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved && !signIn(saved)) {
    signOut(null);
  }
}());
