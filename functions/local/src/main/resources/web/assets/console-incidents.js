// Duplicates and incidents in the staff console (issue 15): under the ticket detail that console.js renders, lists
// the ticket's likely duplicates (GET /v1/staff/requests/{n}/similar) and lets the dispatch centre link the ones it
// ticks into one incident with this ticket as the lead (POST /v1/staff/incidents). Kept apart from console.js: it
// only watches the detail panel, reads the signed-in token console.js keeps, and adds its own section. The server
// decides every permission; the link button is only shown to the dispatch centre.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const TOKEN_KEY = 'bianmin.staffToken';
  const detail = document.getElementById('detail-body');
  if (!detail) {
    return;
  }
  let shown = null;

  function role(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload)))).role || null;
    } catch (e) {
      return null;
    }
  }

  async function render(trackingNumber) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
      return;
    }
    const section = el('section', { class: 'duplicates', 'aria-labelledby': 'duplicates-title' },
      el('h4', { id: 'duplicates-title' }, '重复件（相似诉求）'));
    detail.appendChild(section);
    let found;
    try {
      found = await B.call('GET', '/v1/staff/requests/' + encodeURIComponent(trackingNumber) + '/similar', { token: token });
    } catch (error) {
      section.appendChild(el('p', { class: 'notice error' }, error.message));
      return;
    }
    if (!found.similar.length) {
      section.appendChild(el('p', { class: 'hint' }, '没有发现相似诉求。'));
      return;
    }
    const dispatch = role(token) === 'dispatch';
    section.appendChild(el('ul', null, found.similar.map((s) => el('li', null,
      dispatch ? el('input', { type: 'checkbox', value: s.trackingNumber, id: 'dup-' + s.trackingNumber }) : null,
      el('label', { for: dispatch ? 'dup-' + s.trackingNumber : null },
        s.trackingNumber, ' ', el('span', { class: 'status status-' + s.status }, B.statusLabel(s.status)),
        ' 相似度 ', String(s.score), ' · ', (s.reasons.sharedPlaces || []).concat(s.reasons.sharedWords || []).slice(0, 6).join('、'))))));
    if (!dispatch) {
      return;
    }
    const result = el('div', { role: 'status' });
    const button = el('button', { type: 'button', class: 'secondary' }, '合并为一个事件（本工单为主件）');
    button.addEventListener('click', async () => {
      const picked = Array.from(section.querySelectorAll('input[type=checkbox]:checked')).map((c) => c.value);
      B.clear(result);
      if (!picked.length) {
        result.appendChild(el('p', { class: 'notice error' }, '请先勾选要合并的重复件。'));
        return;
      }
      button.disabled = true;
      try {
        const incident = await B.call('POST', '/v1/staff/incidents',
          { token: token, body: { trackingNumbers: [trackingNumber].concat(picked) } });
        result.appendChild(el('p', { class: 'notice success' }, '已合并为事件 ' + incident.incidentId + '，共 '
          + incident.reporters + ' 件，由 ' + incident.department + ' 统一办理；对任一工单的派单、签收、办结都会同步到全部工单。'));
      } catch (error) {
        result.appendChild(el('p', { class: 'notice error' }, error.message));
      } finally {
        button.disabled = false;
      }
    });
    section.appendChild(button);
    section.appendChild(result);
  }

  // console.js re-renders the detail for each ticket it opens: add the section once per rendering
  new MutationObserver(() => {
    const heading = document.getElementById('detail-number');
    const number = heading && heading.firstChild ? heading.firstChild.textContent.trim() : null;
    if (!number || detail.querySelector('section.duplicates')) {
      return;
    }
    shown = number;
    render(shown);
  }).observe(detail, { childList: true });
}());
