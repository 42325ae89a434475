// The citizen's photos on the ticket open in the console's detail pane (/v1/staff/requests/{n}/photos): added
// below the details whenever console.js shows a ticket, fetched with the signed-in staff token (the API shows a
// ticket's photos only to those who may see the ticket). Kept apart from console.js, which owns the pane.
(function () {
  'use strict';

  const B = window.Bianmin;
  const el = B.el;
  const TOKEN_KEY = 'bianmin.staffToken';
  const detail = document.getElementById('detail-body');
  if (!detail) {
    return;
  }

  function trackingNumber() {
    const heading = detail.querySelector('[data-tracking-number]') || detail.querySelector('h3');
    const text = heading ? (heading.dataset.trackingNumber || heading.textContent) : '';
    const match = /BM\d{12}/.exec(text);
    return match ? match[0] : null;
  }

  async function show(number) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
      return;
    }
    const box = el('section', { class: 'ticket-photos', 'aria-label': '市民上传的照片', 'data-photos-of': number });
    let list;
    try {
      list = await B.call('GET', '/v1/staff/requests/' + encodeURIComponent(number) + '/photos', { token: token });
    } catch (error) {
      return; // the ticket view stays as it is; a photo list is extra
    }
    if (trackingNumber() !== number || !list.photos.length) {
      return;
    }
    box.appendChild(el('h4', null, '市民上传的照片（' + list.photos.length + '张）'));
    const row = el('div', { class: 'photo-row' });
    box.appendChild(row);
    detail.appendChild(box);
    for (const photo of list.photos) {
      try {
        const one = await B.call('GET', '/v1/staff/requests/' + encodeURIComponent(number) + '/photos/' + encodeURIComponent(photo.id),
          { token: token, timeoutMs: 30000 });
        const src = 'data:' + one.contentType + ';base64,' + one.data;
        row.appendChild(el('a', { href: src, target: '_blank', rel: 'noopener', class: 'ticket-photo' },
          el('img', { src: src, alt: '市民上传的照片 ' + photo.id.replace('photo-', ''), width: 160, class: 'ticket-photo-image' })));
      } catch (error) {
        row.appendChild(el('p', { class: 'hint' }, '照片暂时无法显示。'));
      }
    }
  }

  // console.js redraws the pane for every ticket it opens (and clears it on sign-out): follow those redraws,
  // fetching once per redraw.
  let pending = null;
  new MutationObserver(() => {
    const number = trackingNumber();
    if (!number) {
      pending = null;
      return;
    }
    if (pending === number || detail.querySelector('.ticket-photos[data-photos-of="' + number + '"]')) {
      return;
    }
    pending = number;
    show(number).finally(() => {
      if (pending === number) {
        pending = null;
      }
    });
  }).observe(detail, { childList: true });
}());
