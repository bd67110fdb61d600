// The New Payment window. Stripe.js (from the configured URL) turns the typed card into a
// PaymentMethod; everything else goes to the starter's JSON API. The page never waits on a request
// with nothing to show: processing has its own panel with a running clock, and the outcome is
// polled, so a charge that takes a minute or two never freezes it.
(function () {
  'use strict';
  var cfg = window.frontDesk;
  var form = document.getElementById('new-payment');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  var csrfToken = document.querySelector('meta[name="_csrf"]').content;
  var state = {paymentId: null, status: null, saved: false, busy: false, cash: false};
  var stripe = null;
  var card = null;
  var clock = null;

  function $(id) { return document.getElementById(id); }
  function show(id, on) { var el = $(id); if (el) { el.hidden = !on; } }
  function wait(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function api(method, path, body) {
    var headers = {'Accept': 'application/json'};
    headers[csrfHeader] = csrfToken;
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(cfg.api + path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = {detail: 'Unexpected answer'}; }
        return {status: r.status, body: json};
      });
    });
  }

  // ---------------------------------------------------------------- field errors

  function clearErrors() {
    Array.prototype.forEach.call(document.querySelectorAll('.error'), function (el) {
      if (el.id !== 'card-errors') { el.textContent = ''; }
    });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) {
      el.removeAttribute('aria-invalid');
    });
  }

  function errorSlot(field) {
    if ($('error-' + field)) { return field; }
    if (field === 'consent' || field.indexOf('card') === 0) { return 'card'; }
    return 'form';
  }

  function showErrors(problem) {
    clearErrors();
    var errors = (problem && problem.errors) || [];
    if (errors.length === 0) {
      $('error-form').textContent = (problem && (problem.detail || problem.title)) || 'Something went wrong.';
      return;
    }
    errors.forEach(function (e) {
      var slot = errorSlot(e.field);
      var label = document.querySelector('label[for="' + e.field + '"]');
      var text = (label ? label.textContent.trim() : e.field) + ' ' + e.message + '. ';
      $('error-' + slot).textContent += text;
      if ($(e.field)) { $(e.field).setAttribute('aria-invalid', 'true'); }
    });
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) { first.focus(); }
  }

  // ---------------------------------------------------------------- the request

  function electronic() { return !!($('electronic') && $('electronic').checked); }
  function cardChoice() {
    var checked = form.querySelector('input[name="cardChoice"]:checked');
    return checked ? checked.value : 'oneTime';
  }

  function request(cardJson) {
    var r = {
      clientId: form.dataset.client, origin: form.dataset.origin, currency: 'USD',
      reference: $('reference').value, type: $('type').value, payer: $('payer').value,
      amountReceived: $('amountReceived').value, electronic: electronic(), clientPresent: true
    };
    if (form.dataset.appointment) { r.appointmentId = form.dataset.appointment; }
    if ($('datePosted').value) { r.datePosted = $('datePosted').value; }
    if ($('emailReceiptTo').value) { r.emailReceiptTo = $('emailReceiptTo').value; }
    if ($('note').value) { r.note = $('note').value; }
    if (cardJson) { r.card = cardJson; }
    return r;
  }

  // The card as the JSON API takes it; a new card becomes a PaymentMethod through Stripe.js first.
  function cardJson() {
    var choice = cardChoice();
    if (choice === 'saved') { return Promise.resolve({saved: $('savedCard').value}); }
    return stripe.createPaymentMethod({type: 'card', card: card}).then(function (r) {
      if (r.error) { throw {cardError: r.error.message}; }
      if (choice === 'oneTime') { return {oneTime: r.paymentMethod.id}; }
      return {
        saveNew: r.paymentMethod.id, nickname: $('nickname').value,
        consent: $('consent').checked ? {givenBy: 'client', channel: 'front_desk'} : null
      };
    });
  }

  // ---------------------------------------------------------------- processing

  function startClock() {
    var started = Date.now();
    $('elapsed').textContent = '0 s';
    show('processing', true);
    clock = setInterval(function () {
      $('elapsed').textContent = Math.round((Date.now() - started) / 1000) + ' s';
    }, 1000);
  }

  function stopClock() {
    if (clock) { clearInterval(clock); clock = null; }
    show('processing', false);
  }

  function poll(id, every) {
    return api('GET', '/payments/' + id + '/status').then(function (r) {
      if (r.status !== 200) { throw r; }
      var s = r.body.status;
      if (s === 'PENDING' || s === 'PROCESSING') {
        return wait(every).then(function () { return poll(id, every); });
      }
      return r.body.result;
    });
  }

  function submit() {
    if (state.busy) { return; }
    state.busy = true;
    $('submit').disabled = true;
    show('verify', false);
    clearErrors();
    $('card-errors').textContent = '';
    startClock();
    cardJson().then(function (chosen) {
      if (state.paymentId && state.status === 'FAILED') {
        return api('POST', '/payments/' + state.paymentId + '/retry', {card: chosen}).then(answered);
      }
      return api('POST', '/payments/async', request(chosen)).then(function (r) {
        if (r.status !== 202) { return answered(r); }
        state.paymentId = r.body.paymentId;
        return poll(r.body.paymentId, 300);
      });
    }).then(outcome, failedRequest).then(function () {
      state.busy = false;
      $('submit').disabled = false;
    });
  }

  function answered(r) {
    if (r.status === 200) { return r.body; }
    throw r;
  }

  function failedRequest(e) {
    stopClock();
    if (e && e.cardError) {
      $('card-errors').textContent = e.cardError;
    } else {
      showErrors(e && e.body);
    }
  }

  // Once a payment exists its details are its own: another card retries it, for the same amount.
  function lock() {
    Array.prototype.forEach.call(form.querySelectorAll('.grid input, .grid textarea'), function (el) {
      el.readOnly = true;
    });
    Array.prototype.forEach.call(form.querySelectorAll('.grid select, #electronic'), function (el) {
      el.disabled = true;
    });
  }

  function outcome(result) {
    lock();
    state.paymentId = result.payment.id;
    state.status = result.status;
    if (result.status === 'REQUIRES_ACTION') {
      // 3-D Secure: the card holder's bank asks them to confirm, in Stripe's own dialog.
      return stripe.handleNextAction({clientSecret: result.clientSecret}).then(function () {
        return api('POST', '/payments/' + state.paymentId + '/refresh').then(answered);
      }).then(outcome);
    }
    stopClock();
    var title;
    var detail;
    var p = result.payment;
    if (result.status === 'SUCCEEDED') {
      title = 'Payment Successful';
      detail = 'Confirmation # ' + p.confirmationNumber + (p.card ? ' · ' + describe(p.card) : '');
    } else if (result.status === 'FAILED') {
      title = 'Payment Failed';
      detail = (p.failure && p.failure.reason) || 'The card was declined.';
    } else {
      title = 'Outcome not known yet';
      detail = 'The card processor has not answered yet. This is not a failure: the outcome is ' +
          'not known yet; we will settle it, and this window will show it. Do not charge the card again.';
      settleLater(state.paymentId);
    }
    $('outcome-title').textContent = title;
    $('outcome-detail').textContent = detail;
    show('outcome', true);
    $('close').focus();
  }

  function describe(c) {
    return (c.brand ? c.brand.charAt(0).toUpperCase() + c.brand.slice(1) : 'Card') + ' ending ' + c.last4;
  }

  // An unknown outcome is settled by reconcile or Stripe's webhook; keep asking, quietly.
  function settleLater(id) {
    wait(1000).then(function () { return api('GET', '/payments/' + id + '/status'); }).then(function (r) {
      if (r.status === 200 && r.body.status === 'IN_DOUBT') { return settleLater(id); }
      if (r.status === 200 && r.body.result) {
        show('outcome', false);
        show('saved-note', false);
        outcome(r.body.result);
      }
    });
  }

  function close() {
    show('outcome', false);
    if (state.status === 'SUCCEEDED') {
      $('confirmationNumber').value = $('outcome-detail').textContent.replace(/^Confirmation # (\S+).*$/, '$1');
      show('process', false);
      show('card-choice', false);
      show('save', true);
      $('save').focus();
    } else if (state.status === 'FAILED') {
      $('error-card').textContent = 'Payment Failed: ' + $('outcome-detail').textContent +
          ' Choose another card and Process Card again.';
      if (card) { card.clear(); }
      $('process').focus();
    } else if (state.status === 'IN_DOUBT') {
      show('process', false);
      $('saved-note').textContent = 'The outcome is not known yet; we will settle it. Do not charge the card again.';
      show('saved-note', true);
    }
  }

  // ---------------------------------------------------------------- save and receipts

  function save() {
    if (state.busy) { return; }
    state.busy = true;
    clearErrors();
    var first = state.paymentId && state.status === 'SUCCEEDED'
        ? Promise.resolve(state.paymentId)
        : api('POST', '/payments', request(null)).then(answered).then(function (result) {
          state.paymentId = result.payment.id;
          state.status = result.status;
          return state.paymentId;
        });
    first.then(function (id) {
      return api('POST', '/payments/' + id + '/save').then(answered);
    }).then(function () {
      lock();
      state.saved = true;
      show('save', false);
      show('process', false);
      $('saved-note').textContent = 'Payment saved to the client\'s ledger.';
      show('saved-note', true);
      show('email-receipt', true);
      $('print-receipt').href = cfg.api + '/payments/' + state.paymentId + '/receipt/print';
      show('print-receipt', true);
      $('email-receipt').focus();
    }, function (e) { showErrors(e && e.body); }).then(function () { state.busy = false; });
  }

  function emailReceipt() {
    api('POST', '/payments/' + state.paymentId + '/receipt/email').then(function (r) {
      $('saved-note').textContent = r.status === 200
          ? 'Receipt emailed to ' + r.body.sentTo + '.'
          : (r.body && r.body.detail) || 'The receipt could not be emailed.';
    });
  }

  // ---------------------------------------------------------------- the window's parts

  function electronicChanged() {
    var on = electronic();
    show('card-choice', on);
    show('process', on && state.status !== 'SUCCEEDED');
    show('save', !on || state.status === 'SUCCEEDED');
    if (on) {
      $('type').value = 'CREDIT_CARD';
      if (!stripe) {
        stripe = Stripe(cfg.publishableKey);
        card = stripe.elements().create('card');
        card.mount('#card-element');
        card.on('change', function (e) { $('card-errors').textContent = e.error ? e.error.message : ''; });
      }
    }
  }

  function cardChoiceChanged() {
    var choice = cardChoice();
    show('new-card', choice !== 'saved');
    show('save-options', choice === 'saveNew');
    show('stored', choice === 'saved');
  }

  function processCard() {
    clearErrors();
    var amount = $('amountReceived').value.trim();
    if (!/^\d+(\.\d{1,2})?$/.test(amount)) {
      showErrors({errors: [{field: 'amountReceived', message: 'must be an amount like 10.00'}]});
      return;
    }
    var what = cardChoice() === 'saved'
        ? 'the stored card ' + $('savedCard').selectedOptions[0].textContent
        : 'the card entered';
    $('verify-text').textContent = 'Charge $' + amount + ' to ' + what + '?';
    show('verify', true);
    $('submit').focus();
  }

  if ($('electronic')) {
    $('electronic').addEventListener('change', electronicChanged);
    Array.prototype.forEach.call(form.querySelectorAll('input[name="cardChoice"]'), function (r) {
      r.addEventListener('change', cardChoiceChanged);
    });
  }
  $('process').addEventListener('click', processCard);
  $('submit').addEventListener('click', submit);
  $('back').addEventListener('click', function () { show('verify', false); $('process').focus(); });
  $('close').addEventListener('click', close);
  $('save').addEventListener('click', save);
  $('email-receipt').addEventListener('click', emailReceipt);
  window.addEventListener('beforeunload', function (e) {
    if (state.status === 'SUCCEEDED' && !state.saved) {
      e.preventDefault();
      e.returnValue = 'This payment was processed but not saved.';
    }
  });
  window.newPaymentState = state;
}());
