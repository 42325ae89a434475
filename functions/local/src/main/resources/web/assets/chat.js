// The citizen chatbot: questions go to POST /v1/inquiries in one conversation (sessionId); a HANDOFF, or an
// answer that offers a request, opens the request form (POST /v1/requests, then its photos); receipts can be
// looked up and rated. The conversation and the receipts are kept in this browser (localStorage) so that a reload,
// or coming back tomorrow, shows them again; "清除记录" removes them from a shared device.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const $ = (id) => document.getElementById(id);
  const conversation = $('conversation');
  const question = $('question');
  const send = $('send');
  const MAX_QUESTION = 500;
  const MAX_PHOTOS = 3;
  const STORE_KEY = 'bianmin.chat.v1';
  /** Items kept at most: a long conversation drops its oldest turns, never its receipts (kept apart). */
  const MAX_ITEMS = 120;

  const state = {
    busy: false,
    handoffItem: null,
    handoffUrgent: false,
    photos: [],
    coords: null,
    lastLookup: null
  };

  // ---- what this browser keeps

  function emptyStore() {
    return { sessionId: null, items: [], receipts: [] };
  }

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE_KEY));
      if (saved && Array.isArray(saved.items) && Array.isArray(saved.receipts)) {
        return saved;
      }
    } catch (e) {
      // unreadable (another version, storage disabled): start afresh
    }
    return emptyStore();
  }

  const kept = load();

  function save() {
    if (kept.items.length > MAX_ITEMS) {
      kept.items.splice(0, kept.items.length - MAX_ITEMS);
    }
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(kept));
    } catch (e) {
      // storage full or disabled (private mode): the page still works, it only forgets on reload
    }
  }

  function newId() {
    return B.newKey('item');
  }

  function itemById(id) {
    return kept.items.find((item) => item.id === id);
  }

  // ---- the conversation

  // A reply is scrolled so that its start is read first (not its end, under the input bar); the citizen's own
  // message so that it sits just above the input bar. CSS scroll margins keep both clear of the sticky bars.
  function reveal(node, where) {
    node.scrollIntoView({ block: where || 'end', behavior: 'smooth' });
  }

  function addNode(node, where) {
    conversation.appendChild(node);
    if (where !== false) {
      reveal(node, where);
    }
    return node;
  }

  function message(kind, children) {
    return el('div', { class: 'message ' + kind }, children);
  }

  function codePoints(text) {
    return Array.from(text).length;
  }

  async function ask(text, options) {
    const opts = options || {};
    const trimmed = text.trim();
    if (!trimmed || state.busy) {
      return;
    }
    if (codePoints(trimmed) > MAX_QUESTION) {
      addNode(message('bot error', el('p', { role: 'alert' },
        '问题有' + codePoints(trimmed) + '字，超过了' + MAX_QUESTION + '字的上限，请精简后再发送。')));
      return;
    }
    state.busy = true;
    updateCounter();
    if (!opts.retry) {
      const item = { id: newId(), kind: 'user', text: trimmed };
      kept.items.push(item);
      save();
      addNode(draw(item), 'end');
    }
    const typing = addNode(message('bot typing', el('p', null, '正在查找答案…')), 'end');
    try {
      const body = { text: trimmed, channel: 'chatbot' };
      if (kept.sessionId) {
        body.sessionId = kept.sessionId;
      }
      const reply = await B.call('POST', '/v1/inquiries', { body: body });
      kept.sessionId = reply.sessionId;
      const item = { id: newId(), kind: 'reply', asked: trimmed, reply: reply };
      kept.items.push(item);
      save();
      typing.remove();
      addNode(draw(item), 'start');
    } catch (error) {
      typing.remove();
      // The question's bubble is already there: a retry sends it again without repeating the bubble.
      const failure = message('bot error', [
        el('p', { role: 'alert' }, error.message),
        el('button', {
          type: 'button', class: 'secondary retry', onclick: () => {
            failure.remove();
            ask(trimmed, { retry: true });
          }
        }, '重试')
      ]);
      addNode(failure, 'end');
    } finally {
      state.busy = false;
      updateCounter();
    }
  }

  function renderUser(item) {
    return message('user', item.text);
  }

  function source(entry) {
    if (!entry) {
      return null;
    }
    return el('p', { class: 'source' }, '答案来源：《' + entry.title + '》', entry.department ? ' · ' + entry.department : '');
  }

  /** Sections longer than this (characters) or with more items than this are folded under their heading. */
  const FOLD_CHARS = 120;
  const FOLD_ITEMS = 4;

  // An answer laid out by its sections: the summary first, then 材料, 流程, 地点, 时限, 费用...; long ones folded.
  function renderSections(sections) {
    const summary = sections.find((s) => s.kind === 'SUMMARY');
    const parts = [el('p', { class: 'answer' }, summary ? summary.text : '')];
    const rest = sections.filter((s) => s.kind !== 'SUMMARY');
    if (rest.length) {
      parts.push(el('div', { class: 'sections' }, rest.map((s) => {
        const content = s.items && s.items.length
          ? el('ol', { class: 'section-items' }, s.items.map((item) => el('li', null, item)))
          : el('p', { class: 'section-text' }, s.text);
        const long = (s.items && s.items.length > FOLD_ITEMS) || codePoints(s.text || s.items.join('')) > FOLD_CHARS;
        if (long) {
          return el('details', { class: 'section', 'data-section': s.kind },
            el('summary', null, s.heading, el('span', { class: 'fold-hint' }, s.items && s.items.length ? '（共' + s.items.length + '项）' : '')),
            content);
        }
        return el('section', { class: 'section', 'data-section': s.kind }, el('h3', null, s.heading), content);
      })));
    }
    return parts;
  }

  // An emergency shows the number first, as a link a phone can dial, then the steps, then the urgent request.
  function renderEmergency(item) {
    const reply = item.reply;
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
    const prefill = (reply.handoff && reply.handoff.prefillText) || item.asked;
    parts.push(handoffButton(item, prefill, Boolean(reply.handoff && reply.handoff.urgent), '提交紧急诉求', ''));
    if (reply.suggestions && reply.suggestions.length) {
      parts.push(chips(item, reply.suggestions, '相关办事指南'));
    }
    const node = message('bot emergency', parts);
    node.setAttribute('role', 'alert');
    node.dataset.action = reply.action;
    return node;
  }

  // The request button of a reply. Once a request was filed from it, it says so and stays disabled: the same
  // reply never files a second ticket, also after a reload.
  function handoffButton(item, prefill, urgent, label, kind) {
    if (item.filed) {
      return el('div', { class: 'actions-row' },
        el('button', { type: 'button', class: 'open-handoff ' + kind, disabled: true }, '已提交（' + item.filed + '）'));
    }
    return el('div', { class: 'actions-row' },
      el('button', { type: 'button', class: 'open-handoff ' + kind, onclick: () => openHandoff(item, prefill, urgent) }, label));
  }

  // Question chips: once one is chosen the others are stale, so the group is disabled (and stays so on reload).
  function chips(item, suggestions, label) {
    return el('div', { class: 'chips', role: 'group', 'aria-label': label },
      suggestions.map((s) => el('button', {
        type: 'button', class: 'chip' + (item.chosen === s.title ? ' chosen' : ''), 'data-question': s.title,
        'data-item': item.id, disabled: Boolean(item.chosen), 'aria-pressed': item.chosen === s.title ? 'true' : null
      }, s.title)));
  }

  function feedbackRow(item) {
    const reply = item.reply;
    const row = el('div', { class: 'feedback', role: 'group', 'aria-label': '这条答复有帮助吗' });
    const status = el('span', { class: 'feedback-status', role: 'status' });
    const vote = async (helpful) => {
      row.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        await B.call('POST', '/v1/inquiries/feedback', {
          body: { sessionId: reply.sessionId, question: item.asked, helpful: helpful, entryId: reply.entry ? reply.entry.id : undefined }
        });
        item.feedback = helpful ? 'up' : 'down';
        save();
        row.replaceWith(feedbackRow(item));
      } catch (error) {
        status.textContent = error.message;
        row.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    };
    if (item.feedback) {
      row.appendChild(el('span', { class: 'feedback-status', role: 'status' }, item.feedback === 'up'
        ? '感谢反馈：这条答复有用。'
        : '感谢反馈，我们会完善这条答复。也可以换个说法再问，或拨打12345转人工服务。'));
      return row;
    }
    row.appendChild(el('span', { class: 'hint' }, '这条答复有帮助吗？'));
    row.appendChild(el('button', { type: 'button', class: 'secondary vote', 'data-vote': 'up', onclick: () => vote(true) }, '有用'));
    row.appendChild(el('button', { type: 'button', class: 'secondary vote', 'data-vote': 'down', onclick: () => vote(false) }, '没用'));
    row.appendChild(status);
    return row;
  }

  function renderReply(item) {
    const reply = item.reply;
    if (reply.action === 'EMERGENCY' && reply.emergency) {
      return renderEmergency(item);
    }
    const parts = reply.sections && reply.sections.length
      ? renderSections(reply.sections)
      : [el('p', { class: 'answer' }, reply.answer)];
    if (reply.action === 'CLARIFY' && reply.suggestions && reply.suggestions.length) {
      parts.push(el('p', { class: 'hint' }, '您想问的是：'));
      parts.push(chips(item, reply.suggestions, '可能的问题'));
    }
    if (reply.action === 'HANDOFF') {
      const prefill = (reply.handoff && reply.handoff.prefillText) || item.asked;
      parts.push(handoffButton(item, prefill, false, '提交诉求工单', ''));
    } else if (reply.offerRequest) {
      parts.push(handoffButton(item, item.asked, false, '需要办理？提交诉求', 'secondary'));
    }
    parts.push(source(reply.entry));
    if (reply.action === 'ANSWER' && reply.entry) {
      parts.push(feedbackRow(item));
    }
    const node = message('bot', parts);
    node.dataset.action = reply.action;
    node.dataset.item = item.id;
    return node;
  }

  function renderItem(item) {
    if (item.kind === 'user') {
      return renderUser(item);
    }
    if (item.kind === 'reply') {
      return renderReply(item);
    }
    if (item.kind === 'receipt') {
      return renderReceipt(item);
    }
    return null;
  }

  /** A kept item's message, marked with the item's id. */
  function draw(item) {
    const node = renderItem(item);
    if (node) {
      node.dataset.item = item.id;
    }
    return node;
  }

  /** Redraws one kept item in place (after it changed: a request filed from it, a chip chosen). */
  function redraw(item) {
    const old = conversation.querySelector('.message[data-item="' + item.id + '"]');
    if (old) {
      old.replaceWith(draw(item));
    }
  }

  conversation.addEventListener('click', (event) => {
    const chip = event.target.closest('.chip');
    if (!chip || !chip.dataset.question || chip.disabled || state.busy) {
      return;
    }
    const item = chip.dataset.item && itemById(chip.dataset.item);
    if (item) {
      item.chosen = chip.dataset.question;
      save();
      redraw(item);
    }
    ask(chip.dataset.question);
  });

  // ---- the question box: a counter that says the limit before sending, never a silent cut

  function updateCounter() {
    const length = codePoints(question.value);
    const counter = $('question-counter');
    const over = length - MAX_QUESTION;
    counter.textContent = over > 0
      ? length + '/' + MAX_QUESTION + '：超出' + over + '字，请精简后再发送'
      : length + '/' + MAX_QUESTION;
    counter.classList.toggle('over', over > 0);
    if (over > 0) {
      question.setAttribute('aria-invalid', 'true');
    } else {
      question.removeAttribute('aria-invalid');
    }
    send.disabled = state.busy || over > 0;
  }

  question.addEventListener('input', updateCounter);

  $('ask').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value;
    if (!text.trim()) {
      question.focus();
      return;
    }
    if (codePoints(text.trim()) > MAX_QUESTION || state.busy) {
      updateCounter();
      return;
    }
    question.value = '';
    updateCounter();
    ask(text);
  });

  // Enter sends, Shift+Enter starts a new line (and nothing sends while an IME is composing Chinese).
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('ask').requestSubmit();
    }
  });

  // ---- filing a request

  const handoffDialog = $('handoff-dialog');
  const handoffForm = $('handoff-form');

  // item: the reply the request is filed from (its button is retired once filed); urgent: the request an
  // emergency reply offered (handoff.urgent), filed with the URGENT deadline.
  function openHandoff(item, text, urgent) {
    if (item && item.filed) {
      return;
    }
    handoffForm.reset();
    state.handoffItem = item ? item.id : null;
    state.handoffUrgent = Boolean(urgent);
    state.photos = [];
    state.coords = null;
    renderPhotoList();
    $('handoff-text').value = text || '';
    B.clear($('handoff-status'));
    B.clear($('handoff-location-status'));
    ['handoff-text-error', 'handoff-phone-error', 'handoff-address-error', 'handoff-photos-error'].forEach((id) => B.clear($(id)));
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
      fieldError('handoff-address', address || state.coords ? '' : '请填写问题发生的地址，或点“使用我的位置”。')
    ].every(Boolean);
    if (!ok) {
      handoffForm.querySelector('[aria-invalid="true"]').focus();
    }
    return ok;
  }

  /** The idempotency key of a request: the reply it comes from and what is filed, so a retry files it once. */
  async function requestKey(body) {
    const seed = (state.handoffItem || 'form') + '\n' + JSON.stringify(body);
    if (window.crypto && window.crypto.subtle) {
      const digest = await window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed));
      return 'chatbot-' + Array.from(new Uint8Array(digest)).slice(0, 16).map((b) => b.toString(16).padStart(2, '0')).join('');
    }
    return B.newKey('chatbot');
  }

  handoffForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = $('handoff-submit');
    if (submit.disabled || !validateHandoff()) {
      return;
    }
    submit.disabled = true;
    const status = B.clear($('handoff-status'));
    const location = {};
    if ($('handoff-address').value.trim()) {
      location.address = $('handoff-address').value.trim();
    }
    if ($('handoff-community').value.trim()) {
      location.community = $('handoff-community').value.trim();
    }
    if (state.coords) {
      location.lat = state.coords.lat;
      location.lon = state.coords.lon;
    }
    const body = { text: $('handoff-text').value.trim(), phone: $('handoff-phone').value.trim(), location: location, channel: 'chatbot' };
    if (kept.sessionId) {
      body.sessionId = kept.sessionId;
    }
    if (state.handoffUrgent) {
      body.urgent = true;
    }
    try {
      // "附近已有类似诉求正在办理": the citizen may follow an open request instead (null: file as usual)
      const followed = await offerSimilarRequests(body, status);
      const receipt = followed || await B.call('POST', '/v1/requests', { body: body, headers: { 'Idempotency-Key': await requestKey(body) } });
      const source = state.handoffItem && itemById(state.handoffItem);
      if (source) {
        source.filed = receipt.trackingNumber;
        redraw(source);
      }
      const photos = state.photos.slice();
      handoffDialog.close();
      showReceipt(receipt, body.text, photos);
    } catch (error) {
      status.appendChild(el('p', { class: 'notice error' }, error.message));
    } finally {
      submit.disabled = false;
    }
  });

  // ---- similar open requests before filing (issue 15)
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
            { body: body, headers: { 'Idempotency-Key': (await requestKey(body)) + ':follow' } }));
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

  // ---- the place: "使用我的位置" where the browser offers it

  if (navigator.geolocation && window.isSecureContext) {
    $('handoff-locate').hidden = false;
  }

  $('handoff-locate').addEventListener('click', () => {
    const status = B.clear($('handoff-location-status'));
    const button = $('handoff-locate');
    button.disabled = true;
    status.textContent = '正在获取位置…';
    navigator.geolocation.getCurrentPosition((position) => {
      state.coords = {
        lat: Math.round(position.coords.latitude * 1e6) / 1e6,
        lon: Math.round(position.coords.longitude * 1e6) / 1e6
      };
      B.clear(status);
      status.appendChild(document.createTextNode('已附上您的位置（精度约' + Math.round(position.coords.accuracy || 0) + '米），请同时填写地址以便上门。'));
      status.appendChild(el('button', {
        type: 'button', class: 'link-button', onclick: () => {
          state.coords = null;
          B.clear(status);
          status.textContent = '已取消附带位置。';
        }
      }, '取消'));
      fieldError('handoff-address', '');
      button.disabled = false;
    }, (error) => {
      state.coords = null;
      status.textContent = error && error.code === 1
        ? '未获得定位权限，请手动填写地址。'
        : '暂时无法获取位置，请手动填写地址。';
      button.disabled = false;
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  // ---- photos: resized in the browser, uploaded after the request is filed

  /** The longer side after resizing, and the size the server accepts (2 MB). */
  const PHOTO_SIDE = 1600;
  const PHOTO_BYTES = 2 * 1024 * 1024;

  async function resize(file) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    if (bitmap.close) {
      bitmap.close();
    }
    for (const quality of [0.85, 0.7, 0.5]) {
      const dataUrl = canvas.toDataURL('image/jpeg', quality);
      const data = dataUrl.substring(dataUrl.indexOf(',') + 1);
      if (data.length * 3 / 4 <= PHOTO_BYTES) {
        return { name: file.name, dataUrl: dataUrl, data: data, width: canvas.width, height: canvas.height };
      }
    }
    throw new Error('too large');
  }

  $('handoff-photos').addEventListener('change', async (event) => {
    const input = event.target;
    const files = Array.from(input.files || []);
    const error = B.clear($('handoff-photos-error'));
    const room = MAX_PHOTOS - state.photos.length;
    if (files.length > room) {
      error.textContent = '每条诉求最多' + MAX_PHOTOS + '张照片，已保留前' + Math.max(room, 0) + '张。';
    }
    for (const file of files.slice(0, Math.max(room, 0))) {
      try {
        state.photos.push(await resize(file));
      } catch (e) {
        error.textContent = '无法读取照片“' + file.name + '”，请换一张 JPEG 或 PNG 照片。';
      }
    }
    input.value = '';
    renderPhotoList();
  });

  function renderPhotoList() {
    const list = B.clear($('handoff-photo-list'));
    state.photos.forEach((photo, i) => {
      list.appendChild(el('li', null,
        el('img', { src: photo.dataUrl, alt: '已选照片' + (i + 1), width: 72, height: 72 }),
        el('button', {
          type: 'button', class: 'secondary remove-photo', 'aria-label': '移除照片' + (i + 1), onclick: () => {
            state.photos.splice(i, 1);
            renderPhotoList();
          }
        }, '移除')));
    });
    $('handoff-photos').disabled = state.photos.length >= MAX_PHOTOS;
  }

  async function uploadPhotos(item, photos, status) {
    let uploaded = item.photos || 0;
    for (let i = 0; i < photos.length; i++) {
      status.textContent = '正在上传照片 ' + (i + 1) + '/' + photos.length + '…';
      try {
        await B.call('POST', '/v1/requests/' + encodeURIComponent(item.receipt.trackingNumber) + '/photos', {
          body: { code: item.receipt.verificationCode, contentType: 'image/jpeg', data: photos[i].data },
          timeoutMs: 60000
        });
        uploaded = Math.max(uploaded, i + 1);
      } catch (error) {
        item.photos = uploaded;
        save();
        B.clear(status);
        status.appendChild(document.createTextNode('照片上传失败：' + error.message + ' '));
        // the server recognises a photo it already has, so a retry never stores one twice
        status.appendChild(el('button', {
          type: 'button', class: 'secondary retry-photos', onclick: () => uploadPhotos(item, photos, status)
        }, '重试上传'));
        return;
      }
    }
    item.photos = uploaded;
    save();
    status.textContent = '已上传' + uploaded + '张照片。';
  }

  // ---- receipts

  function showReceipt(receipt, text, photos) {
    const item = {
      id: newId(), kind: 'receipt', receipt: receipt, photos: 0,
      summary: (text || '').substring(0, 40), filedAt: new Date().toISOString()
    };
    kept.items.push(item);
    kept.receipts.push({ trackingNumber: receipt.trackingNumber, verificationCode: receipt.verificationCode,
      summary: item.summary, filedAt: item.filedAt });
    save();
    const node = addNode(draw(item), 'start');
    node.setAttribute('tabindex', '-1');
    node.focus({ preventScroll: true });
    if (photos && photos.length) {
      uploadPhotos(item, photos, node.querySelector('.photo-status'));
    }
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (e) {
        // denied (no user permission in this context): fall back to a selection copy below
      }
    }
    const area = el('textarea', { class: 'visually-hidden', 'aria-hidden': 'true', readonly: true });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
    area.remove();
    return copied;
  }

  function renderReceipt(item) {
    const receipt = item.receipt;
    const copied = el('span', { class: 'copy-status', role: 'status' });
    const copyLine = '便民服务诉求 受理编号：' + receipt.trackingNumber + ' 查询码：' + receipt.verificationCode;
    const node = message('bot receipt', [
      el('p', null, '您的诉求已受理，我们会尽快派给承办部门。'),
      el('dl', null,
        el('dt', null, '受理编号'), el('dd', { 'data-field': 'trackingNumber' }, receipt.trackingNumber),
        el('dt', null, '查询码'), el('dd', { class: 'code', 'data-field': 'verificationCode' }, receipt.verificationCode),
        el('dt', null, '承办部门'), el('dd', null, receipt.manualTriage ? '热线分拨中心（人工分派中）' : receipt.department),
        el('dt', null, '办理时限'), el('dd', null, B.formatTime(receipt.dueAt))),
      el('p', { class: 'hint' }, '受理编号和查询码已保存在本机“我的诉求”中，也请另行记下，用于查询进度和评价办理结果。'),
      el('p', { class: 'hint photo-status', 'aria-live': 'polite' }, item.photos ? '已上传' + item.photos + '张照片。' : ''),
      el('div', { class: 'actions-row' },
        el('button', {
          type: 'button', class: 'secondary copy-receipt', onclick: async () => {
            copied.textContent = (await copyText(copyLine)) ? '已复制受理编号和查询码。' : '复制失败，请手动记下。';
          }
        }, '复制编号和查询码'),
        el('button', {
          type: 'button', class: 'secondary', onclick: () => openLookup(receipt.trackingNumber, receipt.verificationCode)
        }, '查询进度')),
      copied
    ]);
    node.dataset.item = item.id;
    return node;
  }

  // ---- my requests: the kept receipts with their live status

  const mineDialog = $('mine-dialog');

  async function openMine() {
    const list = B.clear($('mine-list'));
    $('mine-empty').hidden = kept.receipts.length > 0;
    const rows = kept.receipts.slice().reverse().map((r) => {
      const status = el('span', { class: 'status', 'data-field': 'status' }, '查询中…');
      list.appendChild(el('li', { 'data-tracking-number': r.trackingNumber },
        el('div', null, el('strong', null, r.trackingNumber), ' ', status),
        el('p', { class: 'hint' }, B.formatTime(r.filedAt), r.summary ? ' · ' + r.summary : ''),
        el('button', {
          type: 'button', class: 'secondary', onclick: () => {
            mineDialog.close();
            openLookup(r.trackingNumber, r.verificationCode);
          }
        }, '查看详情')));
      return { receipt: r, status: status };
    });
    mineDialog.showModal();
    for (const row of rows) {
      try {
        const ticket = await B.call('GET', '/v1/requests/' + encodeURIComponent(row.receipt.trackingNumber)
          + '?code=' + encodeURIComponent(row.receipt.verificationCode));
        row.status.textContent = B.statusLabel(ticket.status);
        row.status.className = 'status status-' + ticket.status;
      } catch (error) {
        row.status.textContent = error.status === 404 ? '未找到' : '暂时无法查询';
      }
    }
  }

  $('open-mine').addEventListener('click', openMine);

  function clearHistory() {
    if (!window.confirm('清除本机保存的对话、受理编号和查询码？已提交的诉求不受影响，但需要凭编号和查询码才能再查询。')) {
      return;
    }
    try {
      localStorage.removeItem(STORE_KEY);
    } catch (e) {
      // nothing kept
    }
    Object.assign(kept, emptyStore());
    conversation.querySelectorAll('.message[data-item], .message.user, .message.error').forEach((n) => n.remove());
    if (mineDialog.open) {
      mineDialog.close();
    }
    addNode(message('bot notice-cleared', el('p', { role: 'status' }, '本机记录已清除。')), 'end');
  }

  $('clear-history').addEventListener('click', clearHistory);
  $('clear-history-footer').addEventListener('click', clearHistory);

  // ---- looking up and rating a request

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

  // ---- start: the kept conversation comes back

  kept.items.forEach((item) => {
    const node = draw(item);
    if (node) {
      conversation.appendChild(node);
    }
  });
  if (kept.items.length) {
    conversation.lastElementChild.scrollIntoView({ block: 'end' });
  }
  updateCounter();
}());
