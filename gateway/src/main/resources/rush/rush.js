// The rush page: live seats for everyone; after signing in, a place in the class's waiting room, the enroll button once
// admitted, and one's own enrollment status as it changes. The stream is read with fetch (not EventSource) so that the
// access token travels in the Authorization header and never in a URL (URLs end up in logs).
(function () {
  'use strict';
  const classId = location.pathname.split('/').filter(Boolean).pop();
  const $ = (id) => document.getElementById(id);
  const state = { token: sessionStorage.getItem('mclass.token'), ticket: null, admitted: false, lastEventId: null,
    idempotencyKey: null, stream: null };
  const STATUS_TEXT = { APPROVED: '승인', WAITLISTED: '대기', APPLIED: '신청됨', REJECTED: '거절', CANCELED: '취소' };
  $('class-id').textContent = classId;

  function api(method, path, body, extra) {
    const headers = Object.assign({ 'Accept': 'application/json' }, extra || {});
    if (state.token) headers['Authorization'] = 'Bearer ' + state.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then((r) => r.json().catch(() => ({})).then((json) => ({ status: r.status, json, headers: r.headers })));
  }

  function showAvailability(a) {
    $('seats').textContent = a.seatsLeft;
    $('waitlist').textContent = a.waitlistLeft;
    $('recruit').textContent = a.recruitState;
  }

  function showPlace(p) {
    if (p.active === false && !p.ticket) {
      $('room').textContent = '대기열이 꺼져 있습니다. 바로 신청할 수 있습니다.';
      $('enroll').disabled = false;
      return;
    }
    if (p.active !== undefined) $('room').textContent = p.active ? '대기열 운영 중' : '대기열이 종료되었습니다. 바로 신청할 수 있습니다.';
    if (p.ticket) state.ticket = p.ticket;
    if (p.admitted) {
      state.admitted = true;
      $('position').textContent = '입장';
      $('ahead').textContent = '0';
      $('wait').textContent = '0초';
      $('admitted').textContent = p.admissionExpiresAt ? ('입장 가능 (' + new Date(p.admissionExpiresAt).toLocaleTimeString() + '까지)') : '입장 가능';
      $('admitted').className = 'ok';
      $('enroll').disabled = false;
    } else if (p.expired) {
      $('admitted').textContent = '입장 시간이 지났습니다. 다시 들어가 주세요.';
      $('enroll').disabled = true;
    } else if (p.position) {
      $('position').textContent = p.position;
      $('ahead').textContent = p.aheadOfYou;
      $('wait').textContent = (p.estimatedWaitSeconds !== undefined ? p.estimatedWaitSeconds : Math.ceil(p.position / 100)) + '초';
    }
  }

  function showStatus(status) {
    $('status').textContent = (STATUS_TEXT[status] || status) + ' (' + status + ')';
    $('status').dataset.status = status;
  }

  function onEvent(name, data, id) {
    let value;
    try { value = JSON.parse(data); } catch (e) { return; }
    if (id) state.lastEventId = id;
    if (name === 'availability') showAvailability(value);
    else if (name === 'queue') showPlace(value);
    else if (name === 'enrollment') showStatus(value.status);
  }

  // Server-Sent Events over fetch: blank-line separated blocks of "field: value" lines.
  function connect() {
    if (state.stream) state.stream.abort();
    const controller = new AbortController();
    state.stream = controller;
    const headers = { 'Accept': 'text/event-stream' };
    if (state.token) headers['Authorization'] = 'Bearer ' + state.token;
    if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
    fetch('/api/mclasses/' + classId + '/live', { headers, signal: controller.signal }).then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      $('connection').textContent = '실시간 연결됨';
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      function pump() {
        return reader.read().then(({ done, value }) => {
          if (done) throw new Error('stream ended');
          buffer += decoder.decode(value, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message', data = '', id = null;
            block.split('\n').forEach((line) => {
              if (line.startsWith('event:')) name = line.slice(6).trim();
              else if (line.startsWith('data:')) data += line.slice(5).trim();
              else if (line.startsWith('id:')) id = line.slice(3).trim();
            });
            if (data) onEvent(name, data, id);
          }
          return pump();
        });
      }
      return pump();
    }).catch((error) => {
      if (controller.signal.aborted) return;
      $('connection').textContent = '재연결 중… (' + error.message + ')';
      setTimeout(connect, 2000);
    });
  }

  function signedIn() {
    $('login-panel').hidden = true;
    $('queue-panel').hidden = false;
    $('enroll-panel').hidden = false;
    connect();
    api('GET', '/api/mclasses/' + classId + '/enrollments').then((r) => {
      if (r.status === 200 && r.json.data && r.json.data.length) showStatus(r.json.data[0].status);
    });
  }

  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    api('POST', '/api/auth/login', { email: $('email').value, password: $('password').value }).then((r) => {
      if (r.status !== 200) { $('login-error').textContent = (r.json.error && r.json.error.message) || ('HTTP ' + r.status); return; }
      state.token = r.json.data.accessToken;
      sessionStorage.setItem('mclass.token', state.token);
      signedIn();
    });
  });

  $('join').addEventListener('click', () => {
    api('POST', '/api/mclasses/' + classId + '/queue').then((r) => {
      if (r.status === 200 || r.status === 201) {
        showPlace(Object.assign({ active: r.status === 201 }, r.json.data));
      } else {
        $('room').textContent = (r.json.error && r.json.error.message) || ('HTTP ' + r.status);
      }
    });
  });

  $('enroll').addEventListener('click', () => {
    let answers;
    try { answers = JSON.parse($('answers').value || '{}'); } catch (e) { $('enroll-error').textContent = '답변이 올바른 JSON이 아닙니다.'; return; }
    // One key per attempt to enroll, kept for retries of the same attempt (the server answers a retry from it).
    state.idempotencyKey = state.idempotencyKey || crypto.randomUUID();
    const headers = { 'Idempotency-Key': state.idempotencyKey };
    if (state.ticket) headers['Queue-Ticket'] = state.ticket;
    $('enroll').disabled = true;
    api('POST', '/api/mclasses/' + classId + '/enrollments', { answers }, headers).then((r) => {
      if (r.status === 201) {
        $('enroll-error').textContent = '';
        showStatus(r.json.data.status);
        return;
      }
      const code = r.json.error ? r.json.error.code : ('HTTP ' + r.status);
      $('enroll-error').textContent = code + (r.json.error ? ': ' + r.json.error.message : '');
      if (r.status >= 500 || code === 'IDEMPOTENCY_KEY_IN_USE') { $('enroll').disabled = false; return; }
      state.idempotencyKey = null;
      if (code === 'QUEUE_REQUIRED' || code === 'QUEUE_TICKET_EXPIRED') $('join').focus();
      $('enroll').disabled = code === 'QUEUE_REQUIRED' || code === 'QUEUE_TICKET_EXPIRED' || code === 'QUEUE_NOT_ADMITTED';
    });
  });

  if (state.token) signedIn(); else connect();
})();
