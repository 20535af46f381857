// The console's pages: each page calls one function below; all data comes from the JSON API under /api.
'use strict';

const Console = (() => {
  const esc = (text) => String(text ?? '').replace(/[&<>"']/g,
      (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  const $ = (selector) => document.querySelector(selector);

  // X-Requested-With: a refused action is answered without WWW-Authenticate, so the page asks for the password in
  // its own field instead of the browser's dialog
  async function api(path, options = {}) {
    const response = await fetch(path, {...options,
      headers: {'X-Requested-With': 'XMLHttpRequest', ...(options.headers || {})}});
    const body = await response.json().catch(() => ({error: response.statusText}));
    if (!response.ok) {
      throw new Error(body.error || response.statusText);
    }
    return body;
  }

  function fail(error) {
    $('#content').innerHTML = `<p class="error">${esc(error.message)}</p>`;
  }

  const tags = (list) => (list || []).map((t) => `<span class="tag">${esc(t)}</span>`).join('');
  const deadlineBadge = (date, daysLeft) => date
      ? `<span class="deadline${daysLeft !== undefined && daysLeft < 0 ? ' passed' : ''}">截止 ${esc(date)}`
        + (daysLeft === undefined ? '' : daysLeft < 0 ? `（已过 ${-daysLeft} 天）` : `（还有 ${daysLeft} 天）`)
        + '</span>' : '';
  // A notice read by OCR from a scan: a digit or a date may be misread.
  const scanBadge = (confidence) => confidence == null ? ''
    : `<span class="scanned" title="文字由扫描件识别，数字和日期请以 PDF 为准">扫描识别 ${Math.round(confidence * 100)}%</span>`;
  const where = (n) => [n.category, n.group, n.issuer, n.date || n.issued].filter((x) => x).map(esc).join(' · ');

  // The admin password typed into the page as HTTP Basic, never stored: its UTF-8 bytes, as the server decodes them
  // (btoa alone takes Latin-1 only and throws on a Chinese password).
  function adminHeaders() {
    const password = $('#admin-password').value;
    if (!password) {
      return {};
    }
    const bytes = new TextEncoder().encode('admin:' + password);
    return {Authorization: 'Basic ' + btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))};
  }

  // An action, sent with the admin password.
  async function act(path) {
    return api(path, {method: 'POST', headers: adminHeaders()});
  }

  // Each button matching the selector runs the action at path(button); then done(button, answer), or the error shown.
  function wire(selector, path, done) {
    for (const button of document.querySelectorAll(selector)) {
      button.addEventListener('click', async () => {
        try {
          done(button, await act(path(button)));
        } catch (error) {
          $('#action-result').textContent = error.message;
        }
      });
    }
  }

  // Search (home page): the form fills from the URL, a search changes the URL, so it can be bookmarked and shared.
  async function searchPage() {
    const params = new URLSearchParams(location.search);
    const form = $('form.filters');
    const facets = await api('/api/facets').catch(() => ({category: {}, group: {}, tag: {}}));
    for (const name of ['category', 'group', 'tag']) {
      const select = form.elements[name];
      for (const [value, count] of Object.entries(facets[name])) {
        select.add(new Option(`${value} (${count})`, value));
      }
    }
    for (const element of form.elements) {
      if (element.name && params.has(element.name)) {
        element.value = params.get(element.name);
      }
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      for (const element of form.elements) {
        if (element.name && element.value) {
          query.set(element.name, element.value);
        }
      }
      location.search = query.toString();
    });
    try {
      const results = await api('/api/notices?' + params.toString());
      const page = results.page;
      const pages = Math.max(1, Math.ceil(results.total / results.size));
      const link = (n) => { const p = new URLSearchParams(params); p.set('page', n); return '?' + p.toString(); };
      $('#content').innerHTML = `<p id="total">${results.total} 条通知</p><ol class="hits">`
          + results.notices.map((n) => `<li class="hit"><a class="title" href="/notices/${n.id}">${n.titleHtml}</a>
              <div class="meta">${where(n)} ${deadlineBadge(n.deadline)} ${scanBadge(n.ocrConfidence)}</div>
              <div class="snippet">${n.snippetHtml}</div><div>${tags(n.tags)}</div></li>`).join('')
          + `</ol><p class="pages">${page > 1 ? `<a id="previous" href="${link(page - 1)}">上一页</a>` : ''}
              第 ${page} / ${pages} 页
              ${page < pages ? `<a id="next" href="${link(page + 1)}">下一页</a>` : ''}</p>`;
    } catch (error) {
      fail(error);
    }
  }

  // Notice: everything stored about one notice, its bulletin and PDF, other prints, and who was mailed it.
  async function noticePage() {
    const id = location.pathname.split('/').pop();
    try {
      const d = await api('/api/notices/' + encodeURIComponent(id));
      const n = d.notice;
      const f = d.fields || {};
      const b = d.bulletin;
      const source = d.source; // the server's check: only an http(s) link
      document.title = n.title;
      const dated = (list) => (list || []).map((x) => `<li>${esc(x.date)}：${esc(x.sentence)}</li>`).join('');
      const list = (items) => (items || []).map((x) => `<li>${esc(x)}</li>`).join('');
      const contacts = f.contacts || {};
      $('#content').innerHTML = `
        <h1 id="title">${source ? `<a href="${esc(source)}">${esc(n.title)}</a>` : esc(n.title)}</h1>
        <p class="meta">${esc(n.category)} · ${esc(n.group)} · 第 ${n.no} 条 ${scanBadge(n.ocrConfidence)}</p>
        <table>
          <tr><th>发文单位</th><td>${esc(n.issuer || f.issuer || '')}</td></tr>
          <tr><th>文号</th><td id="document-number">${esc(n.documentNumber || '')}</td></tr>
          <tr><th>日期</th><td>${esc(n.date || '')} ${f.issuer_date ? '（发文 ' + esc(f.issuer_date) + '）' : ''}</td></tr>
          <tr><th>来源</th><td>${esc(n.source || '')} ${esc(n.published || '')}</td></tr>
          <tr><th>截止</th><td><ul id="deadlines">${dated(f.deadlines)}</ul></td></tr>
          <tr><th>事件</th><td><ul>${dated(f.events)}</ul></td></tr>
          <tr><th>联系</th><td>${esc([...(contacts.persons || []), ...(contacts.phones || []),
              ...(contacts.emails || [])].join('、'))}</td></tr>
          <tr><th>附件</th><td><ul>${list(f.attachments)}</ul></td></tr>
          <tr><th>金额</th><td>${esc((f.amounts || []).map((a) => a.text).join('、'))}</td></tr>
          <tr><th>标签</th><td id="tags">${tags(n.tags)} ${tags(n.keywords)}</td></tr>
          <tr><th>周报</th><td id="bulletin">${b ? `#${b.id} ${esc(b.originalName)}（${esc(b.issued || '')}），`
              + `第 ${n.page}${n.lastPage !== n.page ? '–' + n.lastPage : ''} 页 `
              + (b.hasPdf ? `<a id="pdf" href="/api/bulletins/${b.id}/pdf#page=${n.page}">PDF</a>` : '（无 PDF）') : ''}</td></tr>
          <tr><th>其他刊登</th><td><ul id="prints">${d.otherPrints.map((p) => `<li><a href="/notices/${p.id}">`
              + `#${p.id}</a> 周报 #${p.bulletinId} ${p.repeatOf ? '（重复）' : '（首次）'}</li>`).join('')}</ul></td></tr>
          <tr><th>已发送</th><td><ul id="sent">${d.digests.map((g) => `<li>${esc(g.recipient)}：`
              + `${g.sentAt ? esc(g.sentAt) : '未发送（' + esc(g.status) + '）'}</li>`).join('')}</ul></td></tr>
        </table>
        <pre class="body" id="body">${esc(n.body)}</pre>`;
    } catch (error) {
      fail(error);
    }
  }

  // Deadlines: upcoming and recently passed, grouped by week, each with the days left.
  async function deadlinesPage() {
    const params = new URLSearchParams(location.search);
    try {
      const d = await api('/api/deadlines?' + params.toString());
      const weeks = new Map();
      for (const line of d.deadlines) {
        const day = new Date(line.deadline + 'T00:00:00Z');
        const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86400000).toISOString().slice(0, 10);
        if (!weeks.has(monday)) {
          weeks.set(monday, []);
        }
        weeks.get(monday).push(line);
      }
      const within = (days) => d.deadlines.filter((x) => x.daysLeft >= 0 && x.daysLeft <= days).length;
      $('#content').innerHTML = `<p id="summary">今天 ${esc(d.today)}：7 天内 ${within(7)} 项，30 天内 ${within(30)} 项，`
          + `最近已过 ${d.deadlines.filter((x) => x.daysLeft < 0).length} 项</p>`
          + [...weeks].map(([monday, lines]) => `<h2>${esc(monday)} 当周</h2>` + lines.map((x) => `<div class="item">
              ${deadlineBadge(x.deadline, x.daysLeft)} <a href="/notices/${x.notice.id}">${esc(x.notice.title)}</a>
              <div class="meta">${where(x.notice)}</div><div class="snippet">${esc(x.sentence)}</div></div>`).join(''))
              .join('');
    } catch (error) {
      fail(error);
    }
  }

  // The scans OCR is reading now, page by page; nothing when none is.
  const readingTable = (readings) => readings.length === 0 ? '' : '<h2>正在识别的扫描件</h2><table id="ocr-progress">'
      + '<tr><th>来源</th><th>进度</th><th>开始</th></tr>' + readings.map((r) => `<tr class="ocr-reading">
      <td>${esc(r.source || '（未命名）')}</td><td class="progress">${r.page === 0 ? `共 ${r.pages} 页，等待识别`
          : `第 ${r.page} / ${r.pages} 页（OCR 识别中）`}</td><td>${esc(r.started)}</td></tr>`).join('') + '</table>';
  // How many of a bulletin's notices were read from scanned pages.
  const scannedMark = (b) => b.scannedNotices
    ? ` <span class="scanned" title="文字由扫描件识别，数字和日期请以 PDF 为准">扫描件（${b.scannedNotices} 条通知由 OCR 识别）</span>` : '';
  // The progress is asked for again every two seconds while the page is open. A reading that ended has its outcome
  // (the bulletin stored, or the file set aside) shown a moment later: the page is drawn again once the bulletins or
  // failures differ from those drawn.
  const OCR_REFRESH_MS = 2000;
  const readingKey = (r) => `${r.source}@${r.started}`;
  let drawn = '';
  function followReading(previous, ended) {
    setTimeout(async () => {
      try {
        const readings = await api('/api/ocr-progress');
        const now = new Set(readings.map(readingKey));
        const awaited = ended + previous.filter((r) => !now.has(readingKey(r))).length;
        if (awaited > 0) {
          const [list, failures] = await Promise.all([api('/api/bulletins'), api('/api/failures')]);
          if (JSON.stringify([list, failures]) !== drawn) {
            await bulletinsPage();
            return;
          }
        }
        $('#reading').innerHTML = readingTable(readings);
        followReading(readings, awaited);
      } catch (error) {
        $('#reading').textContent = error.message;
      }
    }, OCR_REFRESH_MS);
  }

  // Bulletins: what is being read by OCR, what was ingested (marked when scanned), and what failed with a Retry button.
  async function bulletinsPage() {
    try {
      const [list, failures, readings] = await Promise.all([api('/api/bulletins'), api('/api/failures'),
        api('/api/ocr-progress')]);
      $('#content').innerHTML = `<div id="reading">${readingTable(readings)}</div><h2>失败的文件与邮件</h2><table id="failures"><tr><th>来源</th><th>原因</th><th>时间</th>
          <th></th></tr>` + failures.files.map((f) => `<tr class="failed-file"><td>文件 ${esc(f.name)}</td>
          <td class="reason">${esc(f.reason)}</td><td>${esc(f.failedAt)}</td>
          <td><button class="retry" data-name="${esc(f.name)}">Retry</button></td></tr>`).join('')
          + failures.mails.map((m) => `<tr class="failed-mail"><td>邮件 ${esc(m.sender || '')} 「${esc(m.subject || '')}」
          ${esc(m.messageId || '')}</td><td class="reason">${esc(m.reason)}</td><td>${esc(m.processedAt)}</td>
          <td>${m.messageId ? `<button class="retry-mail" data-message-id="${esc(m.messageId)}">Retry</button>`
              : '（在邮箱 Failed 文件夹）'}</td></tr>`).join('') + '</table><p id="action-result"></p>'
          + `<h2>已收录的周报</h2><table id="bulletins"><tr><th>#</th><th>来源</th><th>收到</th><th>日期</th>
          <th>栏目 / 通知</th><th>PDF</th></tr>` + list.map((b) => `<tr><td>${b.id}</td>
          <td>${b.sourceKind === 'mail' ? `邮件 ${esc(b.sender || '')} 「${esc(b.mailSubject || '')}」 ${esc(b.messageId || '')}`
              : '文件'} ${esc(b.originalName)}${scannedMark(b)}</td><td>${esc(b.receivedAt)}</td><td>${esc(b.issued || '')}</td>
          <td>${b.sections} / ${b.notices}${b.repeats ? `（重复 ${b.repeats}）` : ''}</td>
          <td>${b.hasPdf ? `<a href="/api/bulletins/${b.id}/pdf">PDF</a>` : ''}</td></tr>`).join('') + '</table>';
      wire('button.retry', (button) => `/api/failures/files/${encodeURIComponent(button.dataset.name)}/retry`,
          (button, answer) => {
            $('#action-result').textContent = `${answer.retried}：已放回收件箱，下次轮询时处理`;
            button.closest('tr').remove();
          });
      wire('button.retry-mail', (button) => `/api/failures/mails/${encodeURIComponent(button.dataset.messageId)}/retry`,
          (button, answer) => {
            $('#action-result').textContent = `${answer.retried}：已放回邮箱收件夹，下次轮询时处理`;
            button.closest('tr').remove();
          });
      drawn = JSON.stringify([list, failures]);
      followReading(readings, 0);
    } catch (error) {
      fail(error);
    }
  }

  // Digests: mails and channel messages (DingTalk, WeCom, Feishu, web hooks), queued, sending, sent, failing (retried),
  // failed (refused for good, with the server's or platform's answer) and unknown (the service stopped while posting
  // it: not posted again until an admin checks the group), each with a Resend now button.
  async function digestsPage() {
    try {
      const [list, messages] = await Promise.all([api('/api/digests'), api('/api/channel-messages')]);
      const state = (g) => `${esc(g.status)} ${esc(g.sentAt || '')}${g.resentAt ? `（管理员于 ${esc(g.resentAt)} 要求重发）` : ''}`
          + (g.status === 'unknown' ? '（可能已发到群里：请先查看群，缺了再点 Resend now）' : '');
      const next = (g) => (g.sentAt || g.failedAt || g.status === 'unknown' ? '' : esc(g.nextAttemptAt));
      $('#content').innerHTML = `<p id="action-result"></p><h2>邮件</h2><table id="digests"><tr><th>#</th><th>收件人</th><th>主题</th>
          <th>状态</th><th>尝试</th><th>错误</th><th>下次</th><th></th></tr>` + list.map((g) => `<tr class="digest"
          data-id="${g.id}"><td>${g.id}</td><td>${esc(g.recipient)}</td>
          <td>${esc(g.subject)}</td><td class="status">${state(g)}</td><td>${g.attempts}</td>
          <td>${esc(g.lastError || '')}</td><td>${next(g)}</td>
          <td><button class="resend" data-id="${g.id}">Resend now</button></td></tr>`).join('') + '</table>'
          + `<h2>群机器人与 Webhook</h2><table id="channel-messages"><tr><th>#</th><th>负责人</th><th>渠道</th><th>标题</th>
          <th>状态</th><th>尝试</th><th>平台答复</th><th>下次</th><th></th></tr>` + messages.map((m) => `<tr
          class="channel-message" data-id="${m.id}"><td>${m.id}</td><td>${esc(m.owner)}</td>
          <td>${esc(m.type)} <small>${esc(m.channel)}</small></td><td>${esc(m.title)}</td><td class="status">${state(m)}</td>
          <td>${m.attempts}</td><td>${esc(m.lastError || '')}</td><td>${next(m)}</td>
          <td><button class="resend-channel" data-id="${m.id}">Resend now</button></td></tr>`).join('') + '</table>';
      const queued = (button) => {
        $('#action-result').textContent = `#${button.dataset.id}：已排队，下次发送时寄出`;
        button.closest('tr').querySelector('.status').textContent = 'queued（管理员要求重发）';
      };
      wire('button.resend', (button) => `/api/digests/${button.dataset.id}/resend`, queued);
      wire('button.resend-channel', (button) => `/api/channel-messages/${button.dataset.id}/resend`, queued);
    } catch (error) {
      fail(error);
    }
  }

  // Owners (admin): who follows what, on which channels (never a secret or a robot's key), and the calendar address
  // to subscribe to, with a button that issues a new one (the old one stops working).
  async function ownersPage() {
    const load = async () => {
      try {
        const list = await api('/api/owners', {headers: adminHeaders()});
        const absolute = (url) => new URL(url, location.origin).href;
        const channel = (c) => `<li>${esc(c.type)} ${esc(c.url)}${c.secretEnv ? `（签名：${esc(c.secretEnv)}`
            + `${c.secretSet ? '' : '，<span class="error">未设置</span>'}）` : ''}</li>`;
        $('#content').innerHTML = `<p id="action-result"></p><table id="owners"><tr><th>负责人</th><th>邮箱</th><th>关注</th>
            <th>渠道</th><th>截止日期日历</th><th></th></tr>` + list.map((o) => `<tr class="owner">
            <td>${esc(o.name || o.key)}</td><td>${esc(o.address || '')}</td>
            <td>${o.categories.map(esc).join('、')}${o.tags.length ? ` · 标签 ${o.tags.map(esc).join('、')}` : ''}</td>
            <td><ul>${o.channels.map(channel).join('')}</ul></td>
            <td><input class="calendar-url" readonly size="60" value="${esc(absolute(o.calendarUrl))}"></td>
            <td><button class="new-token" data-owner="${esc(o.key)}">New calendar link</button></td></tr>`).join('')
            + '</table>';
        wire('button.new-token', (button) => `/api/owners/${encodeURIComponent(button.dataset.owner)}/calendar-token`,
            (button, answer) => {
              button.closest('tr').querySelector('.calendar-url').value = absolute(answer.calendarUrl);
              $('#action-result').textContent = `${button.dataset.owner}：新的日历地址已生效，旧地址不再可用`;
            });
      } catch (error) {
        fail(error);
      }
    };
    $('#show-owners').addEventListener('click', load);
    $('#content').textContent = '输入管理员密码后点击“显示”。';
  }

  // Rules: the tag rules in force with the notices carrying each tag; a dry run of an edited text (admin, nothing saved).
  async function rulesPage() {
    try {
      const d = await api('/api/rules');
      const match = (r) => `${esc(r.kind)}: ${r.terms.map(esc).join('、')}${r.threshold ? `（≥ ${r.threshold}）` : ''}`;
      $('#content').innerHTML = (d.error ? `<p class="error" id="rules-error">${esc(d.error)}（仍使用上次读取成功的规则）</p>` : '')
          + `<table id="rules"><tr><th>标签</th><th>匹配</th><th>查找位置</th><th>行</th><th>带此标签的通知</th></tr>`
          + d.rules.map((r) => `<tr class="rule"><td class="tag-name">${esc(r.tag)}</td><td>${match(r)}</td>
          <td>${r.in.map(esc).join(', ')}</td><td>${r.line}</td><td class="count">${r.notices}</td></tr>`).join('')
          + `</table><h2>试运行</h2><p>编辑规则文本（${esc(d.file)}），看已存通知会获得或失去哪些标签；不保存任何内容。</p>
          <textarea id="rules-text" rows="24" cols="100" spellcheck="false"></textarea>
          <p><button id="dry-run">Dry run</button></p><p id="dry-run-summary"></p><div id="dry-run-result"></div>`;
      $('#rules-text').value = d.text ?? '';
      $('#dry-run').addEventListener('click', () => dryRun($('#rules-text').value));
    } catch (error) {
      fail(error);
    }
  }

  async function dryRun(text) {
    $('#dry-run-summary').textContent = '运行中…';
    $('#dry-run-result').innerHTML = '';
    try {
      const r = await api('/api/rules/dry-run', {method: 'POST', body: text,
          headers: adminHeaders()});
      const change = (c) => c === 'GAINED' ? '获得' : '失去';
      $('#dry-run-summary').textContent = `比较了 ${r.notices} 条通知：`
          + (r.totals.length ? r.totals.map((t) => `${t.tag} 获得 ${t.gained}、失去 ${t.lost}`).join('；')
              : '没有通知获得或失去标签')
          + (r.complete ? '' : `（只列出前 ${r.changes.length} 项）`);
      $('#dry-run-result').innerHTML = r.changes.length ? `<table id="changes"><tr><th>通知</th><th>标题</th><th>标签</th>
          <th>变化</th></tr>` + r.changes.map((c) => `<tr class="${c.change.toLowerCase()}"><td>#${c.noticeId}</td>
          <td><a href="/notices/${c.noticeId}">${esc(c.title)}</a></td><td>${esc(c.tag)}</td>
          <td>${change(c.change)}</td></tr>`).join('') + '</table>' : '';
    } catch (error) {
      $('#dry-run-summary').innerHTML = `<span class="error">${esc(error.message)}</span>`;
    }
  }

  const SEARCH_FORM = `<form class="filters" action="/">
  <label>关键词<input name="q" type="search" placeholder="例如 参比制剂"></label>
  <label>栏目<select name="category"><option value="">全部</option></select></label>
  <label>分组<select name="group"><option value="">全部</option></select></label>
  <label>标签<select name="tag"><option value="">全部</option></select></label>
  <label>发文单位<input name="issuer"></label>
  <label>周报日期从<input name="issued_from" type="date"></label>
  <label>到<input name="issued_to" type="date"></label>
  <label>截止日期<select name="has_deadline"><option value="">不限</option><option value="true">有</option><option value="false">无</option></select></label>
  <label>截止晚于<input name="deadline_after" type="date"></label>
  <label>截止早于<input name="deadline_before" type="date"></label>
  <label>排序<select name="sort"><option value="">相关度</option><option value="issued">周报日期</option><option value="deadline">截止日期</option></select></label>
  <button type="submit" id="search">搜索</button>
</form>`;
  const ADMIN_PASSWORD = '<label>管理员密码（操作需要）<input id="admin-password" type="password" autocomplete="off"></label>';

  // One page shell for every address: the path picks the heading, the controls and what fills the content.
  const PAGES = [
    [/^\/$/, '政策通知搜索', SEARCH_FORM, searchPage],
    [/^\/notices\/[^/]+$/, '', '', noticePage],
    [/^\/deadlines$/, '截止日期', '', deadlinesPage],
    [/^\/bulletins$/, '周报与失败', ADMIN_PASSWORD, bulletinsPage],
    [/^\/digests$/, '摘要（邮件与群机器人）', ADMIN_PASSWORD, digestsPage],
    [/^\/rules$/, '标签规则', ADMIN_PASSWORD, rulesPage],
    [/^\/owners$/, '负责人与渠道', ADMIN_PASSWORD + '<button id="show-owners">显示</button>', ownersPage],
  ];

  function show() {
    const [, heading, controls, render] = PAGES.find(([path]) => path.test(location.pathname)) || PAGES[0];
    document.title = (heading || '通知') + ' · bulletin-ingest';
    $('#heading').textContent = heading;
    $('#controls').innerHTML = controls;
    render();
  }

  return {show};
})();

Console.show();
