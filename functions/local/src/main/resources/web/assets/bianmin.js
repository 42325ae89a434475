// Shared by the citizen chatbot and the agent console: API calls with Chinese error messages, safe DOM building
// (text nodes only, never innerHTML, because answers and tickets contain citizens' text) and display labels.
(function () {
  'use strict';

  const config = window.BIANMIN_CONFIG || {};
  const apiBase = (config.apiBase || '').replace(/\/+$/, '');

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  const MESSAGES = {
    OFFLINE: '当前网络已断开，请联网后重试。',
    NETWORK: '暂时连不上便民服务，请检查网络后重试。',
    TIMEOUT: '服务响应超时，请稍后重试。',
    RATE_LIMITED: '操作太频繁了，请稍等片刻再试。',
    SERVER: '服务暂时不可用，请稍后再试；紧急情况请拨打12345。',
    UNAUTHENTICATED: '登录已失效，请重新登录。'
  };

  /** Calls the API; resolves with the parsed JSON body, rejects with an ApiError whose message can be shown. */
  async function call(method, path, options) {
    const opts = options || {};
    if (navigator.onLine === false) {
      throw new ApiError(0, 'OFFLINE', MESSAGES.OFFLINE);
    }
    const headers = { Accept: 'application/json' };
    if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (opts.token) {
      headers.Authorization = 'Bearer ' + opts.token;
    }
    Object.assign(headers, opts.headers || {});
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs || 15000);
    let response;
    try {
      response = await fetch(apiBase + path, {
        method: method,
        headers: headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store'
      });
    } catch (e) {
      const code = e.name === 'AbortError' ? 'TIMEOUT' : (navigator.onLine === false ? 'OFFLINE' : 'NETWORK');
      throw new ApiError(0, code, MESSAGES[code]);
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = null;
      }
    }
    if (!response.ok) {
      // RFC 9457 problem details: the stable code and the Chinese detail (the older {error:{code,message}} as fallback)
      const error = data && data.code ? { code: data.code, message: data.detail } : data && data.error;
      if (response.status === 429) {
        throw new ApiError(429, 'RATE_LIMITED', MESSAGES.RATE_LIMITED);
      }
      if (response.status === 401) {
        throw new ApiError(401, 'UNAUTHENTICATED', (error && error.message) || MESSAGES.UNAUTHENTICATED);
      }
      if (response.status >= 500 || !error || !error.message) {
        throw new ApiError(response.status, (error && error.code) || 'SERVER', MESSAGES.SERVER);
      }
      throw new ApiError(response.status, error.code, error.message);
    }
    return data;
  }

  /** el('p', {class: 'x', onclick: fn}, 'text', child) — attributes, event handlers and text-only children. */
  function el(tag, attributes) {
    const node = document.createElement(tag);
    const attrs = attributes || {};
    Object.keys(attrs).forEach((name) => {
      const value = attrs[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name.startsWith('on') && typeof value === 'function') {
        node.addEventListener(name.substring(2), value);
      } else if (name === 'dataset') {
        Object.assign(node.dataset, value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    });
    for (let i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach((c) => append(node, c));
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  const STATUS_LABELS = {
    RECEIVED: '已受理',
    DISPATCHED: '已派单',
    ACCEPTED: '已签收',
    IN_PROGRESS: '办理中',
    RESOLVED: '已办结',
    CLOSED: '已归档',
    REJECTED: '已退单',
    ESCALATED: '督办中',
    REOPENED: '重新办理'
  };

  const timeFormat = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hour12: false
  });

  /** ISO 8601 time as Beijing time, e.g. 2026/11/27 17:30. */
  function formatTime(iso) {
    if (!iso) {
      return '—';
    }
    const date = new Date(iso);
    return isNaN(date.getTime()) ? iso : timeFormat.format(date);
  }

  /** A new idempotency key: one per submission, reused when the same submission is retried. */
  function newKey(prefix) {
    const random = window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).substring(2);
    return prefix + '-' + random;
  }

  // Both pages: "close" buttons inside dialogs, and the offline banner following the browser's online state.
  // (Scripts are deferred, so the document is parsed by now.)
  document.querySelectorAll('dialog .close-dialog').forEach((button) =>
    button.addEventListener('click', () => button.closest('dialog').close()));
  const banner = document.getElementById('offline-banner');
  function updateOnline() {
    if (banner) {
      banner.hidden = navigator.onLine !== false;
    }
  }
  window.addEventListener('online', updateOnline);
  window.addEventListener('offline', updateOnline);
  updateOnline();

  window.Bianmin = Object.freeze({
    call: call,
    ApiError: ApiError,
    apiBase: apiBase,
    el: el,
    clear: clear,
    STATUS_LABELS: STATUS_LABELS,
    statusLabel: (status) => STATUS_LABELS[status] || status,
    formatTime: formatTime,
    newKey: newKey
  });
}());
