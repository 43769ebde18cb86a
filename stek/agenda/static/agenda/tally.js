/* Vandaag: one-tap counting that never loses a tap (issue 12).
 *
 * Each tap gets a key (a random UUID) and goes into an outbox in localStorage before it is sent.
 * It leaves the outbox only when the server answered (counted, or refused for good). A tap whose
 * answer was lost is sent again with the same key, and the server counts a key once. When the
 * session expired the server answers 401: the tap stays in the outbox, the page says so, and it
 * is sent after signing in again (the login page brings the volunteer back to Vandaag).
 * Without JavaScript the forms post as they are (with a key per rendered form).
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-tally]");
  if (!root || !window.fetch) return;
  var STORE = "stek-taps:" + root.dataset.slug;
  var status = document.getElementById("tap-status");
  var login = document.getElementById("tap-login");
  var busy = false;

  var memory = null; // when localStorage is not there (private mode): the outbox lives here

  function load() {
    if (memory) return memory.slice();
    try {
      return JSON.parse(window.localStorage.getItem(STORE)) || [];
    } catch (e) {
      return [];
    }
  }
  function save(list) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(list));
      memory = null;
    } catch (e) {
      memory = list.slice(); // still sent and retried; only closing the page would lose it
    }
  }
  var replaying = load().length > 0; // taps left from before this page (e.g. before signing in)

  function drop(key) {
    save(load().filter(function (t) { return t.key !== key; }));
  }
  function uuid4() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function say(text, kind) {
    status = document.getElementById("tap-status");
    status.textContent = text;
    status.className = "tap-status tap-" + kind;
  }
  function token() {
    var input = root.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  function swap(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    Array.prototype.slice.call(template.content.children).forEach(function (el) {
      var old = el.id && document.getElementById(el.id);
      if (old) {
        el.removeAttribute("hx-swap-oob");
        old.replaceWith(el);
      }
    });
  }

  function send(tap) {
    var body = new URLSearchParams();
    body.set("csrfmiddlewaretoken", token());
    ["session", "category", "delta", "key", "day"].forEach(function (name) { body.set(name, tap[name]); });
    return fetch(root.dataset.tapUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "HX-Request": "true", "X-CSRFToken": token() }
    }).then(function (response) {
      if (response.ok) {
        return response.text().then(function (html) { swap(html); return "ok"; });
      }
      if (response.status === 401 || response.status === 403 || response.type === "opaqueredirect") {
        return "login";
      }
      if (response.status >= 400 && response.status < 500) return "refused";
      return "retry"; // 5xx, e.g. 503 "probeer opnieuw": same key, later
    }, function () {
      return "retry"; // no answer at all: it may or may not have counted; the key settles it
    });
  }

  function flush() {
    if (busy) return;
    var list = load();
    if (!list.length) {
      if (replaying) say(root.dataset.msgReplayed, "counted");
      replaying = false;
      return;
    }
    var tap = list[0];
    if (tap.day !== root.dataset.day) { // a tap of another day never counts for today
      drop(tap.key);
      say(root.dataset.msgRefused, "refused");
      return flush();
    }
    busy = true;
    send(tap).then(function (outcome) {
      busy = false;
      if (outcome === "ok") {
        drop(tap.key);
        login.hidden = true;
        flush();
      } else if (outcome === "refused") {
        drop(tap.key);
        replaying = false;
        say(root.dataset.msgRefused, "refused");
        flush();
      } else if (outcome === "login") {
        say(root.dataset.msgLogin, "login");
        login.hidden = false; // waits for signing in; the outbox is sent on the next Vandaag
      } else {
        say(root.dataset.msgOffline, "retry");
        window.setTimeout(flush, 3000);
      }
    });
  }

  var lastDelta = {};
  root.addEventListener("click", function (event) {
    var button = event.target.closest("button[name=delta]");
    if (button && button.form) lastDelta[button.form.querySelector("[name=key]").value] = button.value;
  });
  root.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList.contains("tally-form")) return;
    event.preventDefault();
    var delta = event.submitter ? event.submitter.value : lastDelta[form.elements.key.value] || "1";
    var list = load();
    list.push({
      key: uuid4(),
      session: form.elements.session.value,
      category: form.elements.category.value,
      delta: delta,
      day: form.elements.day.value
    });
    save(list);
    if (busy || list.length > 1) say(root.dataset.msgWaiting, "waiting");
    replaying = false;
    flush();
  });
  flush();

  /* Several tablets at one onthaal stay in step (issue 16): while the page is visible it asks
   * for the day's counts every few seconds (a GET that never writes) and shows them. Not while
   * a tap of this tablet is on its way: its answer brings the card. */
  var POLL_MS = 12000;
  function show(standing) {
    if (busy || load().length || standing.day !== root.dataset.day) return;
    var total = document.getElementById("day-total");
    if (total) total.textContent = standing.day_total;
    Array.prototype.forEach.call(root.querySelectorAll(".tally-card"), function (card) {
      var data = standing.cards[card.id.replace(/^sessie-/, "")] || { total: 0, counts: {} };
      var cardTotal = card.querySelector("[data-total]");
      if (cardTotal) cardTotal.textContent = data.total;
      Array.prototype.forEach.call(card.querySelectorAll("[data-count]"), function (el) {
        el.textContent = data.counts[el.dataset.count] || 0;
      });
    });
  }
  function poll() {
    if (document.visibilityState !== "visible" || busy || load().length) return;
    fetch(root.dataset.standingUrl, {
      credentials: "same-origin",
      redirect: "manual",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.ok ? response.json().then(show) : null;
    }, function () { /* offline: the next poll tries again */ });
  }
  if (root.dataset.standingUrl) {
    window.setInterval(poll, POLL_MS);
    document.addEventListener("visibilitychange", poll); // back on the page: at once
  }
})();
