/*
 * A Stripe.js double served by the electronic-payments Stripe emulator at <baseUrl>/v3/.
 * It implements the part of Stripe.js (v3) that a card page uses, with Stripe.js's call and
 * result shapes, and talks to the emulator that served it. Test use only: it accepts Stripe's
 * test card numbers and nothing else. Plain JavaScript, no network beyond the emulator.
 */
(function () {
  'use strict';

  var TEST_CARDS = __EMULATOR_TEST_CARDS__;
  var script = document.currentScript;
  var API_BASE = script && script.src ? new URL(script.src).origin : window.location.origin;

  var MESSAGES = {
    incomplete_number: 'Your card number is incomplete.',
    invalid_number: 'Your card number is invalid.',
    incomplete_expiry: "Your card's expiration date is incomplete.",
    invalid_expiry_month: "Your card's expiration date is invalid.",
    invalid_expiry_month_past: "Your card's expiration date is in the past.",
    invalid_expiry_year: "Your card's expiration year is invalid.",
    invalid_expiry_year_past: "Your card's expiration year is in the past.",
    incomplete_cvc: "Your card's security code is incomplete.",
    incomplete_zip: 'Your postal code is incomplete.'
  };

  function IntegrationError(message) {
    var error = new Error(message);
    error.name = 'IntegrationError';
    return error;
  }

  function validationError(code) {
    return {type: 'validation_error', code: code, message: MESSAGES[code]};
  }

  // ---------------------------------------------------------------- card rules

  function brandOf(digits) {
    if (/^4/.test(digits)) return 'visa';
    if (/^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/.test(digits)) return 'mastercard';
    if (/^3[47]/.test(digits)) return 'amex';
    if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
    if (/^(36|30[0-5]|3095|38|39)/.test(digits)) return 'diners';
    if (/^35/.test(digits)) return 'jcb';
    if (/^62/.test(digits)) return 'unionpay';
    return 'unknown';
  }

  function numberLength(brand) {
    return brand === 'amex' ? 15 : brand === 'diners' ? 14 : 16;
  }

  function cvcLength(brand) {
    return brand === 'amex' ? 4 : 3;
  }

  function luhn(digits) {
    var sum = 0;
    var doubled = false;
    for (var i = digits.length - 1; i >= 0; i--) {
      var d = digits.charCodeAt(i) - 48;
      if (doubled) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 === 0;
  }

  function formatNumber(digits, brand) {
    var groups = brand === 'amex' || brand === 'diners' ? [4, 6, 5] : [4, 4, 4, 4, 3];
    var out = [];
    var at = 0;
    for (var i = 0; i < groups.length && at < digits.length; i++) {
      out.push(digits.substr(at, groups[i]));
      at += groups[i];
    }
    return out.join(' ');
  }

  /** The state of each part: {complete, empty, error}, errors shown only when `final`. */
  function checkNumber(digits, final) {
    var brand = brandOf(digits);
    if (!digits) return {empty: true, complete: false, error: final ? validationError('incomplete_number') : null};
    var full = numberLength(brand);
    if (digits.length < full) {
      return {empty: false, complete: false, error: final ? validationError('incomplete_number') : null};
    }
    if (!luhn(digits) || !Object.prototype.hasOwnProperty.call(TEST_CARDS, digits)) {
      return {empty: false, complete: false, error: validationError('invalid_number')};
    }
    return {empty: false, complete: true, error: null};
  }

  function checkExpiry(digits, final, now) {
    if (!digits) return {empty: true, complete: false, error: final ? validationError('incomplete_expiry') : null};
    var month = parseInt(digits.substr(0, 2), 10);
    if (digits.length >= 2 && (month < 1 || month > 12)) {
      return {empty: false, complete: false, error: validationError('invalid_expiry_month')};
    }
    if (digits.length < 4) {
      return {empty: false, complete: false, error: final ? validationError('incomplete_expiry') : null};
    }
    var year = 2000 + parseInt(digits.substr(2, 2), 10);
    var thisYear = now.getFullYear();
    if (year < thisYear) return {empty: false, complete: false, error: validationError('invalid_expiry_year_past')};
    if (year > thisYear + 50) return {empty: false, complete: false, error: validationError('invalid_expiry_year')};
    if (year === thisYear && month < now.getMonth() + 1) {
      return {empty: false, complete: false, error: validationError('invalid_expiry_month_past')};
    }
    return {empty: false, complete: true, error: null, month: month, year: year};
  }

  function checkCvc(digits, brand, final) {
    if (!digits) return {empty: true, complete: false, error: final ? validationError('incomplete_cvc') : null};
    var min = brand === 'amex' ? 4 : 3;
    if (digits.length < min) {
      return {empty: false, complete: false, error: final ? validationError('incomplete_cvc') : null};
    }
    return {empty: false, complete: true, error: null};
  }

  function checkPostal(value, final) {
    var trimmed = value.trim();
    if (!trimmed) return {empty: true, complete: false, error: final ? validationError('incomplete_zip') : null};
    if (/^[0-9]+$/.test(trimmed) && trimmed.length < 5) {
      return {empty: false, complete: false, error: final ? validationError('incomplete_zip') : null};
    }
    return {empty: false, complete: true, error: null};
  }

  // ---------------------------------------------------------------- elements

  var ELEMENT_TYPES = {card: true, payment: true};

  function Elements(stripe, options) {
    this._stripe = stripe;
    this._options = options || {};
    this._elements = {};
  }

  Elements.prototype.create = function (type, options) {
    if (!ELEMENT_TYPES[type]) {
      throw IntegrationError('Invalid Element type: "' + type + '". The Stripe emulator supports "card" and "payment".');
    }
    if (this._elements[type]) {
      throw IntegrationError('Can only create one Element of type ' + type + '.');
    }
    var element = new CardElement(this, type, options || {});
    this._elements[type] = element;
    return element;
  };

  Elements.prototype.getElement = function (type) {
    return this._elements[type] || null;
  };

  Elements.prototype.update = function (options) {
    for (var k in options) this._options[k] = options[k];
  };

  Elements.prototype.submit = function () {
    var element = this._elements.payment || this._elements.card;
    if (!element) return Promise.resolve({error: validationError('incomplete_number')});
    element._finalCheck();
    var error = element._firstError();
    return Promise.resolve(error ? {error: error} : {});
  };

  function CardElement(group, type, options) {
    this._group = group;
    this._type = type;
    this._options = options;
    this._handlers = {};
    this._node = null;
    this._container = null;
    this._inputs = null;
    this._destroyed = false;
    this._touched = {};
    this._lastError = undefined;
  }

  CardElement.prototype.on = function (event, handler) {
    (this._handlers[event] = this._handlers[event] || []).push(handler);
    return this;
  };

  CardElement.prototype.once = function (event, handler) {
    var self = this;
    function wrapper(e) {
      self.off(event, wrapper);
      handler(e);
    }
    return this.on(event, wrapper);
  };

  CardElement.prototype.off = function (event, handler) {
    var list = this._handlers[event] || [];
    this._handlers[event] = handler ? list.filter(function (h) { return h !== handler; }) : [];
    return this;
  };

  CardElement.prototype._emit = function (event, payload) {
    (this._handlers[event] || []).slice().forEach(function (h) { h(payload); });
  };

  CardElement.prototype.mount = function (target) {
    if (this._destroyed) throw IntegrationError('This Element has already been destroyed. Please create a new one.');
    var node = typeof target === 'string' ? document.querySelector(target) : target;
    if (!node || !node.appendChild) {
      throw IntegrationError('The selector you specified (' + target + ') applies to no DOM elements that are currently on the page.\nMake sure the element exists on the page before calling mount().');
    }
    if (this._node) throw IntegrationError('This Element is already mounted. Use `unmount()` first.');
    this._node = node;
    this._render();
    var self = this;
    setTimeout(function () { self._emit('ready', {elementType: self._type}); }, 0);
    return this;
  };

  CardElement.prototype._render = function () {
    var hidePostal = this._options.hidePostalCode === true;
    var container = document.createElement('div');
    container.className = '__PrivateStripeElement';
    container.setAttribute('data-emulator-element', this._type);
    container.style.cssText = 'display:flex;gap:6px;align-items:center;';
    var inputs = {
      number: field('cardnumber', 'Card number', 'cc-number', 'numeric', '2 1 1'),
      expiry: field('exp-date', 'MM / YY', 'cc-exp', 'numeric', '1 1 0'),
      cvc: field('cvc', 'CVC', 'cc-csc', 'numeric', '0 0 4em'),
      postal: field('postal', 'ZIP', 'postal-code', 'text', '0 0 6em')
    };
    container.appendChild(inputs.number);
    container.appendChild(inputs.expiry);
    container.appendChild(inputs.cvc);
    if (!hidePostal) container.appendChild(inputs.postal);
    var preset = this._options.value && this._options.value.postalCode;
    if (preset) inputs.postal.value = preset;
    this._container = container;
    this._inputs = inputs;
    this._node.appendChild(container);
    this._node.classList.add('StripeElement', 'StripeElement--empty');
    var self = this;
    ['number', 'expiry', 'cvc', 'postal'].forEach(function (part) {
      var input = inputs[part];
      input.addEventListener('input', function () { self._onInput(part); });
      input.addEventListener('focus', function () { self._onFocus(); });
      input.addEventListener('blur', function (e) { self._onBlur(part, e); });
    });
  };

  function field(name, placeholder, autocomplete, mode, flex) {
    var input = document.createElement('input');
    input.name = name;
    input.placeholder = placeholder;
    input.setAttribute('autocomplete', autocomplete);
    input.setAttribute('inputmode', mode);
    input.setAttribute('aria-label', placeholder);
    input.setAttribute('data-elements-stable-field-name', name);
    input.style.cssText = 'flex:' + flex + ';min-width:0;border:0;outline:0;font:inherit;background:transparent;';
    return input;
  }

  CardElement.prototype._onInput = function (part) {
    var inputs = this._inputs;
    if (part === 'number') {
      var digits = inputs.number.value.replace(/\D/g, '');
      var brand = brandOf(digits);
      digits = digits.substr(0, numberLength(brand));
      inputs.number.value = formatNumber(digits, brand);
      if (checkNumber(digits, false).complete) inputs.expiry.focus();
    } else if (part === 'expiry') {
      var exp = inputs.expiry.value.replace(/\D/g, '');
      if (exp.length === 1 && exp > '1') exp = '0' + exp;
      exp = exp.substr(0, 4);
      inputs.expiry.value = exp.length > 2 ? exp.substr(0, 2) + ' / ' + exp.substr(2) : exp;
      if (checkExpiry(exp, false, new Date()).complete) inputs.cvc.focus();
    } else if (part === 'cvc') {
      var brandNow = brandOf(inputs.number.value.replace(/\D/g, ''));
      inputs.cvc.value = inputs.cvc.value.replace(/\D/g, '').substr(0, cvcLength(brandNow));
    }
    this._changed();
  };

  CardElement.prototype._onFocus = function () {
    if (this._focused) return;
    this._focused = true;
    this._node.classList.add('StripeElement--focus');
    this._emit('focus', {elementType: this._type});
  };

  CardElement.prototype._onBlur = function (part, event) {
    this._touched[part] = true;
    this._changed();
    var self = this;
    var next = event.relatedTarget;
    if (next && this._container.contains(next)) return;
    // Focus may be moving to another part of this element without a relatedTarget (a programmatic
    // blur then focus): decide once the focus has settled.
    setTimeout(function () {
      if (!self._container || self._container.contains(document.activeElement) || !self._focused) return;
      self._focused = false;
      self._node.classList.remove('StripeElement--focus');
      self._emit('blur', {elementType: self._type});
    }, 0);
  };

  /** Current state; `finalParts` lists the parts whose incompleteness is an error now. */
  CardElement.prototype._state = function (finalAll) {
    var inputs = this._inputs;
    var t = this._touched;
    var digits = inputs.number.value.replace(/\D/g, '');
    var brand = brandOf(digits);
    var hidePostal = this._options.hidePostalCode === true;
    var parts = {
      number: checkNumber(digits, finalAll || t.number),
      expiry: checkExpiry(inputs.expiry.value.replace(/\D/g, ''), finalAll || t.expiry, new Date()),
      cvc: checkCvc(inputs.cvc.value.replace(/\D/g, ''), brand, finalAll || t.cvc),
      postal: hidePostal ? {empty: true, complete: true, error: null}
          : checkPostal(inputs.postal.value, finalAll || t.postal)
    };
    var error;
    ['number', 'expiry', 'cvc', 'postal'].forEach(function (p) {
      if (!error && parts[p].error) error = parts[p].error;
    });
    return {
      parts: parts,
      brand: brand,
      digits: digits,
      empty: parts.number.empty && parts.expiry.empty && parts.cvc.empty && (hidePostal || parts.postal.empty),
      complete: parts.number.complete && parts.expiry.complete && parts.cvc.complete && parts.postal.complete,
      error: error
    };
  };

  CardElement.prototype._changed = function () {
    var s = this._state(false);
    var cl = this._node.classList;
    cl.toggle('StripeElement--empty', s.empty);
    cl.toggle('StripeElement--complete', s.complete);
    cl.toggle('StripeElement--invalid', !!s.error);
    this._lastError = s.error;
    this._emit('change', {
      elementType: this._type,
      empty: s.empty,
      complete: s.complete,
      error: s.error || undefined,
      brand: s.brand,
      value: this._type === 'card' ? {postalCode: this._inputs.postal.value} : {type: 'card'}
    });
  };

  /** On submit every part counts as visited: incomplete parts become errors, shown by `change`. */
  CardElement.prototype._finalCheck = function () {
    var before = this._lastError;
    this._touched = {number: true, expiry: true, cvc: true, postal: true};
    var s = this._state(true);
    if ((s.error && s.error.code) !== (before && before.code)) this._changed();
    return s;
  };

  CardElement.prototype._firstError = function () {
    return this._finalCheck().error || null;
  };

  /** The card parameters of POST /v1/payment_methods, or {error}. Never stored elsewhere. */
  CardElement.prototype._cardData = function () {
    if (!this._inputs) return {error: {type: 'invalid_request_error', message: 'The Element is not mounted.'}};
    var s = this._finalCheck();
    if (s.error) return {error: s.error};
    return {
      card: {
        number: s.digits,
        exp_month: s.parts.expiry.month,
        exp_year: s.parts.expiry.year,
        cvc: this._inputs.cvc.value
      },
      postalCode: this._options.hidePostalCode === true ? null : this._inputs.postal.value.trim()
    };
  };

  CardElement.prototype.focus = function () {
    if (this._inputs) this._inputs.number.focus();
    return this;
  };

  CardElement.prototype.blur = function () {
    if (this._container && this._container.contains(document.activeElement)) document.activeElement.blur();
    return this;
  };

  CardElement.prototype.clear = function () {
    if (!this._inputs) return this;
    var inputs = this._inputs;
    ['number', 'expiry', 'cvc', 'postal'].forEach(function (p) { inputs[p].value = ''; });
    this._touched = {};
    this._changed();
    return this;
  };

  CardElement.prototype.update = function (options) {
    for (var k in options) this._options[k] = options[k];
    return this;
  };

  CardElement.prototype.unmount = function () {
    if (this._node && this._container) {
      this._node.removeChild(this._container);
      this._node.classList.remove('StripeElement', 'StripeElement--empty', 'StripeElement--complete',
          'StripeElement--invalid', 'StripeElement--focus');
    }
    this._node = null;
    this._container = null;
    this._inputs = null;
    this._touched = {};
    return this;
  };

  CardElement.prototype.destroy = function () {
    this.unmount();
    this._destroyed = true;
    this._handlers = {};
    delete this._group._elements[this._type];
  };

  // ---------------------------------------------------------------- API

  function encode(params, prefix, out) {
    out = out || [];
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      var name = prefix ? prefix + '[' + key + ']' : key;
      if (value === undefined || value === null) return;
      if (Array.isArray(value)) {
        value.forEach(function (v, i) {
          if (typeof v === 'object') encode(v, name + '[' + i + ']', out);
          else out.push(encodeURIComponent(name + '[' + i + ']') + '=' + encodeURIComponent(v));
        });
      } else if (typeof value === 'object') {
        encode(value, name, out);
      } else {
        out.push(encodeURIComponent(name) + '=' + encodeURIComponent(value));
      }
    });
    return out.join('&');
  }

  function Stripe(key, options) {
    if (!(this instanceof Stripe)) return new Stripe(key, options);
    if (typeof key !== 'string' || key === '') {
      throw IntegrationError('Please call Stripe() with your publishable key. You used an empty string.');
    }
    if (/^(sk|rk)_/.test(key)) {
      throw IntegrationError('You should not use your secret key with Stripe.js.\nPlease pass a publishable key instead.');
    }
    if (!/^pk_/.test(key)) {
      throw IntegrationError('Invalid value for Stripe(): apiKey should be a publishable key (pk_test_…). You specified: ' + key + '.');
    }
    this._key = key;
    this._account = options && options.stripeAccount;
  }

  Stripe.prototype._request = function (method, path, params) {
    var body = {key: this._key};
    if (this._account) body._stripe_account = this._account;
    for (var k in params) body[k] = params[k];
    var encoded = encode(body);
    var url = API_BASE + path + (method === 'GET' ? '?' + encoded : '');
    var init = method === 'GET' ? {method: 'GET'}
        : {method: 'POST', body: encoded, headers: {'Content-Type': 'application/x-www-form-urlencoded'}};
    return fetch(url, init).then(function (response) {
      return response.json().then(function (json) {
        return {ok: response.ok, json: json};
      });
    }, function (failure) {
      return {ok: false, json: {error: {type: 'api_connection_error',
          message: 'An error occurred with our connection to Stripe. Request was retried 0 times.'}}};
    });
  };

  Stripe.prototype.elements = function (options) {
    return new Elements(this, options);
  };

  function elementOf(value) {
    return value instanceof CardElement ? value : null;
  }

  /** Creates a PaymentMethod from an element: resolves to {paymentMethod} or {error}. */
  Stripe.prototype._createCardPaymentMethod = function (element, billingDetails, metadata) {
    var data = element._cardData();
    if (data.error) return Promise.resolve({error: data.error});
    var billing = {};
    for (var k in (billingDetails || {})) billing[k] = billingDetails[k];
    if (data.postalCode) {
      billing.address = Object.assign({}, billing.address || {});
      if (!billing.address.postal_code) billing.address.postal_code = data.postalCode;
    }
    var params = {type: 'card', card: data.card, billing_details: billing};
    if (metadata) params.metadata = metadata;
    return this._request('POST', '/v1/payment_methods', params).then(function (r) {
      return r.ok ? {paymentMethod: r.json} : {error: r.json.error};
    });
  };

  Stripe.prototype.createPaymentMethod = function (data) {
    if (!data || typeof data !== 'object') {
      throw IntegrationError('Invalid value for createPaymentMethod: value should be an object.');
    }
    var element = elementOf(data.card) || elementOf(data.element)
        || (data.elements ? (data.elements.getElement('payment') || data.elements.getElement('card')) : null);
    if (!element) {
      throw IntegrationError('Invalid value for createPaymentMethod: the emulator creates card PaymentMethods from a mounted card or payment Element.');
    }
    if (data.type && data.type !== 'card') {
      throw IntegrationError('Invalid value for createPaymentMethod: type should be card.');
    }
    var params = data.params || {};
    return this._createCardPaymentMethod(element, data.billing_details || params.billing_details,
        data.metadata || params.metadata);
  };

  function intentIdOf(clientSecret, prefix, method) {
    var match = typeof clientSecret === 'string' && clientSecret.match(new RegExp('^(' + prefix + '_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$'));
    if (!match) {
      throw IntegrationError('Invalid value for ' + method + ' intent secret: value should be a client_secret string. You specified: ' + clientSecret + '.');
    }
    return match[1];
  }

  /** The payment_method parameter of a confirm call, creating it from an element when needed. */
  Stripe.prototype._paymentMethodParam = function (data) {
    var pm = data && data.payment_method;
    if (pm === undefined || pm === null) return Promise.resolve({});
    if (typeof pm === 'string') return Promise.resolve({id: pm});
    var element = elementOf(pm.card);
    if (!element) {
      throw IntegrationError('Invalid value for payment_method: expected a PaymentMethod id or {card: cardElement}.');
    }
    return this._createCardPaymentMethod(element, pm.billing_details, pm.metadata).then(function (r) {
      return r.error ? {error: r.error} : {id: r.paymentMethod.id};
    });
  };

  var INTENTS = {
    pi: {path: '/v1/payment_intents/', key: 'paymentIntent', error: 'payment_intent', lastError: 'last_payment_error'},
    seti: {path: '/v1/setup_intents/', key: 'setupIntent', error: 'setup_intent', lastError: 'last_setup_error'}
  };

  Stripe.prototype._retrieve = function (kind, id, clientSecret) {
    var intent = INTENTS[kind];
    return this._request('GET', intent.path + id, {client_secret: clientSecret}).then(function (r) {
      var result = {};
      if (r.ok) result[intent.key] = r.json;
      else result.error = r.json.error;
      return result;
    });
  };

  Stripe.prototype._confirm = function (kind, clientSecret, data, options, method) {
    var self = this;
    var intent = INTENTS[kind];
    var id = intentIdOf(clientSecret, kind, method);
    return this._paymentMethodParam(data).then(function (pm) {
      if (pm.error) return {error: pm.error};
      var params = {client_secret: clientSecret};
      if (pm.id) params.payment_method = pm.id;
      if (data && data.return_url) params.return_url = data.return_url;
      if (kind === 'pi' && data && data.setup_future_usage) params.setup_future_usage = data.setup_future_usage;
      if (kind === 'pi' && data && data.receipt_email) params.receipt_email = data.receipt_email;
      return self._request('POST', intent.path + id + '/confirm', params).then(function (r) {
        if (!r.ok) return {error: r.json.error};
        var body = r.json;
        if (body.status === 'requires_action' && !(options && options.handleActions === false)) {
          return self._authenticate(kind, body, clientSecret);
        }
        var result = {};
        result[intent.key] = body;
        return result;
      });
    });
  };

  /** Shows the 3-D Secure challenge, finishes it at the emulator, resolves as Stripe.js does. */
  Stripe.prototype._authenticate = function (kind, body, clientSecret) {
    var self = this;
    var intent = INTENTS[kind];
    return challenge(body.id).then(function (succeed) {
      var url = API_BASE + '/emulator/authenticate/' + body.id + (succeed ? '' : '?result=fail');
      return fetch(url).then(function () {
        return self._retrieve(kind, body.id, clientSecret);
      }, function () {
        return {error: {type: 'api_connection_error', message: 'An error occurred with our connection to Stripe.'}};
      });
    }).then(function (result) {
      var current = result[intent.key];
      if (current && current.status === 'requires_payment_method' && current[intent.lastError]) {
        var error = {};
        var last = current[intent.lastError];
        for (var k in last) error[k] = last[k];
        error[intent.error] = current;
        return {error: error};
      }
      return result;
    });
  };

  function challenge(intentId) {
    return new Promise(function (resolve) {
      var overlay = document.createElement('div');
      overlay.setAttribute('data-emulator-3ds', intentId);
      overlay.style.cssText = 'position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:2147483647;display:flex;align-items:center;justify-content:center;font:15px system-ui,sans-serif;';
      var dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-modal', 'true');
      dialog.setAttribute('aria-label', '3D Secure authentication');
      dialog.style.cssText = 'background:#fff;border-radius:8px;padding:24px;max-width:420px;box-shadow:0 8px 30px rgba(0,0,0,.3);';
      var title = document.createElement('h2');
      title.textContent = '3D Secure Test Page';
      title.style.cssText = 'margin:0 0 12px;font-size:18px;';
      var text = document.createElement('p');
      text.textContent = 'This is a test payment page (Stripe emulator). Complete or fail the authentication of ' + intentId + '.';
      var buttons = document.createElement('div');
      buttons.style.cssText = 'display:flex;gap:12px;margin-top:16px;';
      function button(label, succeed, color) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.style.cssText = 'padding:8px 14px;border:0;border-radius:4px;color:#fff;cursor:pointer;background:' + color + ';';
        b.addEventListener('click', function () {
          document.body.removeChild(overlay);
          resolve(succeed);
        });
        return b;
      }
      buttons.appendChild(button('Complete authentication', true, '#5469d4'));
      buttons.appendChild(button('Fail authentication', false, '#c23d4b'));
      dialog.appendChild(title);
      dialog.appendChild(text);
      dialog.appendChild(buttons);
      overlay.appendChild(dialog);
      document.body.appendChild(overlay);
    });
  }

  Stripe.prototype.confirmCardPayment = function (clientSecret, data, options) {
    return this._confirm('pi', clientSecret, data, options, 'confirmCardPayment');
  };

  Stripe.prototype.confirmCardSetup = function (clientSecret, data, options) {
    return this._confirm('seti', clientSecret, data, options, 'confirmCardSetup');
  };

  Stripe.prototype.handleNextAction = function (options) {
    var clientSecret = options && options.clientSecret;
    var kind = typeof clientSecret === 'string' && clientSecret.indexOf('seti_') === 0 ? 'seti' : 'pi';
    var id = intentIdOf(clientSecret, kind, 'handleNextAction');
    var self = this;
    return this._retrieve(kind, id, clientSecret).then(function (result) {
      var current = result[INTENTS[kind].key];
      if (!current || current.status !== 'requires_action') return result;
      return self._authenticate(kind, current, clientSecret);
    });
  };

  Stripe.prototype.handleCardAction = function (clientSecret) {
    return this.handleNextAction({clientSecret: clientSecret});
  };

  Stripe.prototype.retrievePaymentIntent = function (clientSecret) {
    return this._retrieve('pi', intentIdOf(clientSecret, 'pi', 'retrievePaymentIntent'), clientSecret);
  };

  Stripe.prototype.retrieveSetupIntent = function (clientSecret) {
    return this._retrieve('seti', intentIdOf(clientSecret, 'seti', 'retrieveSetupIntent'), clientSecret);
  };

  Stripe.version = 3;
  Stripe.emulator = true;
  window.Stripe = Stripe;
})();
