// The citizen chatbot: questions go to POST /v1/inquiries in one conversation (sessionId); a HANDOFF, or an
// answer that offers a request, opens the request form (POST /v1/requests); receipts can be looked up and rated.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const $ = (id) => document.getElementById(id);
  const conversation = $('conversation');
  const question = $('question');
  const send = $('send');
  const state = {
    sessionId: sessionStorage.getItem('bianmin.sessionId'),
    busy: false,
    handoffKey: null,
    lastLookup: null
  };

  // ---- the conversation -----------------------------------------------------------------------------------

  function scrollToEnd(node) {
    node.scrollIntoView({ block: 'end', behavior: 'smooth' });
  }

  function addMessage(kind, children) {
    const node = el('div', { class: 'message ' + kind }, children);
    conversation.appendChild(node);
    scrollToEnd(node);
    return node;
  }

  async function ask(text) {
    const trimmed = text.trim();
    if (!trimmed || state.busy) {
      return;
    }
    if (trimmed.length > 500) {
      addMessage('bot error', el('p', { role: 'alert' }, '问题太长了，请控制在500字以内。'));
      return;
    }
    state.busy = true;
    send.disabled = true;
    addMessage('user', trimmed);
    const typing = addMessage('bot typing', el('p', null, '正在查找答案…'));
    try {
      const body = { text: trimmed, channel: 'chatbot' };
      if (state.sessionId) {
        body.sessionId = state.sessionId;
      }
      const reply = await B.call('POST', '/v1/inquiries', { body: body });
      state.sessionId = reply.sessionId;
      sessionStorage.setItem('bianmin.sessionId', reply.sessionId);
      typing.remove();
      renderReply(reply, trimmed);
    } catch (error) {
      typing.remove();
      addMessage('bot error', [
        el('p', { role: 'alert' }, error.message),
        el('button', { type: 'button', class: 'secondary retry', onclick: (e) => { e.target.disabled = true; ask(trimmed); } }, '重试')
      ]);
    } finally {
      state.busy = false;
      send.disabled = false;
    }
  }

  function source(entry) {
    if (!entry) {
      return null;
    }
    return el('p', { class: 'source' }, '答案来源：《' + entry.title + '》', entry.department ? ' · ' + entry.department : '');
  }

  // An emergency shows the number first, as a link a phone can dial, then the steps, then the urgent request.
  function renderEmergency(reply, asked) {
    const e = reply.emergency;
    const parts = [
      el('p', { class: 'emergency-call' }, '请立即拨打 ',
        el('a', { class: 'emergency-number', href: 'tel:' + e.call.number }, e.call.number),
        '（' + e.call.name + '）'),
      el('ol', { class: 'emergency-steps' }, e.steps.map((step) => el('li', null, step)))
    ];
    if (e.alsoCall && e.alsoCall.length) {
      parts.push(el('p', { class: 'hint' }, '必要时也可拨打：',
        e.alsoCall.map((h, i) => [i ? '、' : '', el('a', { href: 'tel:' + h.number }, h.number), '（' + h.name + '）'])));
    }
    const prefill = (reply.handoff && reply.handoff.prefillText) || asked;
    parts.push(el('div', { class: 'actions-row' },
      el('button', { type: 'button', class: 'open-handoff', onclick: () => openHandoff(prefill, Boolean(reply.handoff && reply.handoff.urgent)) }, '提交紧急诉求')));
    if (reply.suggestions && reply.suggestions.length) {
      parts.push(el('div', { class: 'chips', role: 'group', 'aria-label': '相关办事指南' },
        reply.suggestions.map((s) => el('button', { type: 'button', class: 'chip', 'data-question': s.title }, s.title))));
    }
    const node = addMessage('bot emergency', parts);
    node.setAttribute('role', 'alert');
    node.dataset.action = reply.action;
  }

  function renderReply(reply, asked) {
    if (reply.action === 'EMERGENCY' && reply.emergency) {
      renderEmergency(reply, asked);
      return;
    }
    const parts = [el('p', { class: 'answer' }, reply.answer)];
    if (reply.action === 'CLARIFY' && reply.suggestions && reply.suggestions.length) {
      parts.push(el('p', { class: 'hint' }, '您想问的是：'));
      parts.push(el('div', { class: 'chips', role: 'group', 'aria-label': '可能的问题' },
        reply.suggestions.map((s) => el('button', { type: 'button', class: 'chip', 'data-question': s.title }, s.title))));
    }
    if (reply.action === 'HANDOFF') {
      const prefill = (reply.handoff && reply.handoff.prefillText) || asked;
      parts.push(el('div', { class: 'actions-row' },
        el('button', { type: 'button', class: 'open-handoff', onclick: () => openHandoff(prefill) }, '提交诉求工单')));
    } else if (reply.offerRequest) {
      parts.push(el('div', { class: 'actions-row' },
        el('button', { type: 'button', class: 'secondary open-handoff', onclick: () => openHandoff(asked) }, '需要办理？提交诉求')));
    }
    parts.push(source(reply.entry));
    addMessage('bot', parts).dataset.action = reply.action;
  }

  conversation.addEventListener('click', (event) => {
    const chip = event.target.closest('.chip');
    if (chip && chip.dataset.question) {
      ask(chip.dataset.question);
    }
  });

  $('ask').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value;
    if (!text.trim()) {
      question.focus();
      return;
    }
    question.value = '';
    ask(text);
  });

  // Enter sends, Shift+Enter starts a new line (and nothing sends while an IME is composing Chinese).
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('ask').requestSubmit();
    }
  });

  // ---- filing a request -------------------------------------------------------------------------------------

  const handoffDialog = $('handoff-dialog');
  const handoffForm = $('handoff-form');

  // urgent: the request an emergency reply offered (handoff.urgent), filed with the URGENT deadline.
  function openHandoff(text, urgent) {
    handoffForm.reset();
    state.handoffUrgent = Boolean(urgent);
    $('handoff-text').value = text || '';
    B.clear($('handoff-status'));
    ['handoff-text-error', 'handoff-phone-error', 'handoff-address-error'].forEach((id) => B.clear($(id)));
    // One key per opened form: a double click or a retry after a lost reply files the request once.
    state.handoffKey = B.newKey('chatbot');
    handoffDialog.showModal();
    $(text ? 'handoff-phone' : 'handoff-text').focus();
  }

  function fieldError(inputId, message) {
    const input = $(inputId);
    $(inputId + '-error').textContent = message || '';
    if (message) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
    return !message;
  }

  function validateHandoff() {
    const text = $('handoff-text').value.trim();
    const phone = $('handoff-phone').value.replace(/[\s-]/g, '');
    const address = $('handoff-address').value.trim();
    const ok = [
      fieldError('handoff-text', text.length < 5 ? '请用至少5个字描述您的诉求。' : ''),
      fieldError('handoff-phone', /^(\+?86)?(1[3-9]\d{9}|0\d{2,3}\d{7,8})$/.test(phone) ? '' : '请填写有效的手机号或带区号的固定电话。'),
      fieldError('handoff-address', address ? '' : '请填写问题发生的地址。')
    ].every(Boolean);
    if (!ok) {
      handoffForm.querySelector('[aria-invalid="true"]').focus();
    }
    return ok;
  }

  handoffForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!validateHandoff()) {
      return;
    }
    const submit = $('handoff-submit');
    submit.disabled = true;
    const status = B.clear($('handoff-status'));
    const location = { address: $('handoff-address').value.trim() };
    if ($('handoff-community').value.trim()) {
      location.community = $('handoff-community').value.trim();
    }
    const body = { text: $('handoff-text').value.trim(), phone: $('handoff-phone').value.trim(), location: location, channel: 'chatbot' };
    if (state.sessionId) {
      body.sessionId = state.sessionId;
    }
    if (state.handoffUrgent) {
      body.urgent = true;
    }
    try {
      // "附近已有类似诉求正在办理": the citizen may follow an open request instead (null: file as usual)
      const followed = await offerSimilarRequests(body, status);
      const receipt = followed || await B.call('POST', '/v1/requests', { body: body, headers: { 'Idempotency-Key': state.handoffKey } });
      handoffDialog.close();
      showReceipt(receipt);
    } catch (error) {
      status.appendChild(el('p', { class: 'notice error' }, error.message));
    } finally {
      submit.disabled = false;
    }
  });

  // ---- similar open requests before filing (issue 15) ------------------------------------------------------
  // Asks POST /v1/requests/similar with the words and place about to be filed. When open requests about the same
  // problem at the same place exist, shows them (public status only) in the form and waits for the citizen: follow
  // one (POST /v1/requests/{n}/follow files their own request linked to it; resolves with that receipt) or file
  // a separate request (resolves null). The preview is a courtesy: if it fails, the request is filed as usual.
  async function offerSimilarRequests(body, statusNode) {
    let found;
    try {
      found = await B.call('POST', '/v1/requests/similar', { body: { text: body.text, location: body.location } });
    } catch (error) {
      return null;
    }
    if (!found || !found.similar || found.similar.length === 0) {
      return null;
    }
    return new Promise((resolve) => {
      const problem = el('p', { class: 'notice error', role: 'alert' });
      const follow = async (trackingNumber, button) => {
        button.disabled = true;
        problem.remove();
        try {
          resolve(await B.call('POST', '/v1/requests/' + encodeURIComponent(trackingNumber) + '/follow',
            { body: body, headers: { 'Idempotency-Key': state.handoffKey + ':follow' } }));
        } catch (error) {
          problem.textContent = error.message;
          box.appendChild(problem);
          button.disabled = false;
        }
      };
      const box = el('section', { class: 'notice similar-requests', 'aria-labelledby': 'similar-title' },
        el('p', { id: 'similar-title' }, el('strong', null, found.notice || '附近已有类似诉求正在办理')),
        el('ul', null, found.similar.map((item) => {
          const button = el('button', { type: 'button', class: 'secondary' }, '关注此诉求');
          button.addEventListener('click', () => follow(item.trackingNumber, button));
          return el('li', null,
            el('span', { class: 'status status-' + item.status }, item.statusLabel), ' ',
            (item.category || '') + (item.department ? '（' + item.department + '）' : ''), ' · 受理编号 ',
            item.trackingNumber, ' · 受理于 ', B.formatTime(item.createdAt), ' ', button);
        })),
        el('p', { class: 'hint' }, '关注后您会得到自己的受理编号和查询码，办理进度与该诉求同步，办结后同样回访您。'),
        el('button', { type: 'button', onclick: () => { box.remove(); resolve(null); } }, '不是同一问题，继续提交'));
      statusNode.appendChild(box);
      box.querySelector('button').focus();
      // closed without a choice: nothing is filed, and the form works again when reopened
      handoffDialog.addEventListener('close', () => { $('handoff-submit').disabled = false; }, { once: true });
    });
  }

  function showReceipt(receipt) {
    const node = addMessage('bot receipt', [
      el('p', null, '您的诉求已受理，我们会尽快派给承办部门。'),
      el('dl', null,
        el('dt', null, '受理编号'), el('dd', { 'data-field': 'trackingNumber' }, receipt.trackingNumber),
        el('dt', null, '查询码'), el('dd', { class: 'code', 'data-field': 'verificationCode' }, receipt.verificationCode),
        el('dt', null, '承办部门'), el('dd', null, receipt.manualTriage ? '热线分拨中心（人工分派中）' : receipt.department),
        el('dt', null, '办理时限'), el('dd', null, B.formatTime(receipt.dueAt))),
      el('p', { class: 'hint' }, '请记下受理编号和查询码，用于查询进度和评价办理结果。'),
      el('div', { class: 'actions-row' }, el('button', {
        type: 'button', class: 'secondary', onclick: () => openLookup(receipt.trackingNumber, receipt.verificationCode)
      }, '查询进度'))
    ]);
    node.setAttribute('tabindex', '-1');
    node.focus();
  }

  // ---- looking up and rating a request ----------------------------------------------------------------------

  const lookupDialog = $('lookup-dialog');

  function openLookup(trackingNumber, code) {
    $('lookup-number').value = trackingNumber || '';
    $('lookup-code').value = code || '';
    B.clear($('lookup-status'));
    B.clear($('lookup-result'));
    $('rating-form').hidden = true;
    lookupDialog.showModal();
    if (trackingNumber && code) {
      $('lookup-form').requestSubmit();
    } else {
      $('lookup-number').focus();
    }
  }

  $('open-lookup').addEventListener('click', () => openLookup('', ''));

  $('lookup-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const number = $('lookup-number').value.trim().toUpperCase();
    const code = $('lookup-code').value.trim();
    const status = B.clear($('lookup-status'));
    if (!/^BM\d{12}$/.test(number) || !/^\d{6}$/.test(code)) {
      status.appendChild(el('p', { class: 'notice error' }, '请填写完整的受理编号（BM开头）和6位查询码。'));
      return;
    }
    $('lookup-submit').disabled = true;
    try {
      const ticket = await B.call('GET', '/v1/requests/' + encodeURIComponent(number) + '?code=' + encodeURIComponent(code));
      state.lastLookup = { number: number, code: code };
      renderTicket(ticket);
    } catch (error) {
      B.clear($('lookup-result'));
      $('rating-form').hidden = true;
      status.appendChild(el('p', { class: 'notice error' },
        error.status === 404 ? '没有找到这条诉求，请核对受理编号和查询码。' : error.message));
    } finally {
      $('lookup-submit').disabled = false;
    }
  });

  function renderTicket(ticket) {
    const result = B.clear($('lookup-result'));
    result.appendChild(el('div', { class: 'lookup-summary' },
      el('h3', null, '诉求 ', ticket.trackingNumber),
      el('dl', null,
        el('dt', null, '当前状态'), el('dd', null, el('span', { class: 'status status-' + ticket.status, 'data-field': 'status' }, B.statusLabel(ticket.status))),
        el('dt', null, '事项类别'), el('dd', null, ticket.category || '—'),
        el('dt', null, '承办部门'), el('dd', null, ticket.department || '—'),
        el('dt', null, '办理时限'), el('dd', null, B.formatTime(ticket.dueAt))),
      el('h4', null, '办理记录'),
      el('ol', { class: 'timeline' }, (ticket.history || []).map((h) => el('li', null,
        el('time', { datetime: h.at }, B.formatTime(h.at)),
        el('strong', null, B.statusLabel(h.status)), h.note ? '：' + h.note : '')))));
    const rating = $('rating-form');
    rating.hidden = ticket.status !== 'RESOLVED';
    if (!rating.hidden) {
      buildRatingOptions();
    }
  }

  const RATING_LABELS = ['非常不满意', '不满意', '一般', '满意', '非常满意'];

  function buildRatingOptions() {
    const options = B.clear($('rating-options'));
    RATING_LABELS.forEach((label, i) => {
      options.appendChild(el('label', null,
        el('input', { type: 'radio', name: 'rating', value: String(i + 1), required: true }),
        (i + 1) + '分 ' + label));
    });
    $('rating-comment').value = '';
    $('rating-reopen').checked = false;
    B.clear($('rating-status'));
  }

  $('rating-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = B.clear($('rating-status'));
    const chosen = document.querySelector('input[name="rating"]:checked');
    if (!chosen || !state.lastLookup) {
      status.appendChild(el('p', { class: 'notice error' }, '请先选择满意程度。'));
      return;
    }
    $('rating-submit').disabled = true;
    const body = { code: state.lastLookup.code, rating: Number(chosen.value), reopen: $('rating-reopen').checked };
    if ($('rating-comment').value.trim()) {
      body.comment = $('rating-comment').value.trim();
    }
    try {
      const ticket = await B.call('POST', '/v1/requests/' + encodeURIComponent(state.lastLookup.number) + '/rating', { body: body });
      renderTicket(ticket.trackingNumber ? ticket : Object.assign({ trackingNumber: state.lastLookup.number }, ticket));
      $('lookup-status').appendChild(el('p', { class: 'notice success' },
        body.reopen ? '已收到您的评价，诉求将重新办理。' : '感谢您的评价！'));
    } catch (error) {
      status.appendChild(el('p', { class: 'notice error' }, error.message));
    } finally {
      $('rating-submit').disabled = false;
    }
  });
}());
