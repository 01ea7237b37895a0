/* Mock onsite run page (and the peer interviewer's console): countdowns from the server's remaining time, draft safety, dictation.
 *
 * The server owns the clock: the page is told how many milliseconds remain and only counts
 * down; at zero it submits the answer as it stands. Every keystroke is kept in localStorage
 * until the server confirms it saved that version (autosave) or recorded the answer, so a
 * lost request, a crash or a closed tab never loses text.
 */
(function () {
  "use strict";

  var ticker = null;
  var recognition = null;
  var retryTimer = null;
  // While the server cannot be reached (a restart, a dropped connection) the autosave tries
  // again this often, so the draft reaches the server without another keystroke.
  var RETRY_MS = 3000;
  // Set once the page is being left (a reload, a link). A save confirmed after that is not
  // the last word: the next page may have been rendered before that save landed, so the local
  // copy stays for it to compare with the version the server sent.
  var leaving = false;

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; // storage disabled: the server's autosave still keeps the draft
    }
  }

  function draftKey(session, turn) {
    return "hotseat:draft:" + session + ":" + turn;
  }

  function readDraft(session, turn) {
    var store = storage();
    if (!store) return null;
    try {
      return JSON.parse(store.getItem(draftKey(session, turn)));
    } catch (error) {
      return null;
    }
  }

  function writeDraft(session, turn, text, version) {
    var store = storage();
    if (!store) return;
    try {
      store.setItem(draftKey(session, turn), JSON.stringify({ text: text, version: version }));
    } catch (error) {
      // Quota full: the server's autosave still has the latest confirmed version.
    }
  }

  function forgetDraft(session, turn, upToVersion) {
    var store = storage();
    if (!store) return;
    var draft = readDraft(session, turn);
    if (draft && (upToVersion === undefined || draft.version <= upToVersion)) {
      store.removeItem(draftKey(session, turn));
    }
  }

  function formatClock(ms) {
    var seconds = Math.ceil(ms / 1000);
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  // Spoken mode: the project's clock can say "one minute left" and "time is up" out loud, for
  // a candidate looking away from the screen. Off unless the candidate turns it on here.
  var SPEAK_KEY = "hotseat:speak-time";

  function setupSpeakToggle() {
    var box = document.querySelector("[data-speak-time]");
    if (!box || !window.speechSynthesis) return; // no speech: the toggle stays hidden
    var store = storage();
    box.checked = Boolean(store && store.getItem(SPEAK_KEY) === "on");
    box.addEventListener("change", function () {
      if (!store) return;
      if (box.checked) store.setItem(SPEAK_KEY, "on");
      else store.removeItem(SPEAK_KEY);
    });
    box.closest("[data-speak-time-field]").hidden = false;
  }

  function say(text) {
    var box = document.querySelector("[data-speak-time]");
    if (!box || !box.checked || !window.speechSynthesis) return;
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }

  function speakMilestones(clock, left) {
    if (!clock.speaks) return;
    // Said when the clock passes the mark here, not when a page opens already past it.
    if (!clock.saidMinute && clock.total > 60000 && left <= 60000) {
      clock.saidMinute = true;
      say("one minute left");
    }
    if (!clock.saidUp && clock.total > 0 && left === 0) {
      clock.saidUp = true;
      say("time is up");
    }
  }

  function startClocks(panel) {
    if (ticker) clearInterval(ticker);
    ticker = null;
    var form = panel.querySelector(".answer-form");
    var clocks = Array.prototype.map.call(
      panel.querySelectorAll("[data-countdown-ms]"),
      function (el) {
        return {
          el: el,
          total: Number(el.getAttribute("data-countdown-ms")),
          submits: el.hasAttribute("data-countdown-submits"),
          speaks: el.hasAttribute("data-countdown-speaks"),
        };
      }
    );
    if (!clocks.length) return;
    var started = performance.now();
    var submitting = false;
    function tick() {
      var elapsed = performance.now() - started;
      clocks.forEach(function (clock) {
        var left = Math.max(0, clock.total - elapsed);
        clock.el.textContent = formatClock(left);
        if (left <= 15000) clock.el.setAttribute("data-low", "");
        speakMilestones(clock, left);
        if (left === 0 && clock.submits && form && !submitting) {
          submitting = true;
          form.requestSubmit();
          // If the network swallowed the request, try again rather than sit at 0:00.
          setTimeout(function () { submitting = false; }, 5000);
        }
      });
    }
    tick();
    ticker = setInterval(tick, 250);
  }

  function setupAnswer(panel) {
    var form = panel.querySelector(".answer-form");
    if (!form) return;
    var box = form.querySelector("textarea[name=answer]");
    var versionInput = form.querySelector("[data-draft-version-input]");
    var session = panel.getAttribute("data-session");
    var turn = panel.getAttribute("data-turn");
    var serverVersion = Number(panel.getAttribute("data-draft-version") || 0);

    box.addEventListener("input", function () {
      versionInput.value = Number(versionInput.value) + 1;
      writeDraft(session, turn, box.value, Number(versionInput.value));
    });

    var local = readDraft(session, turn);
    if (local && local.version > serverVersion && local.text !== box.value) {
      // Text typed here that the server never confirmed: put it back and save it now.
      box.value = local.text;
      versionInput.value = local.version;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    } else if (local && local.version <= serverVersion) {
      forgetDraft(session, turn);
    }
  }

  // Spoken mode keeps when each recognised phrase started and ended, in seconds after the
  // question appeared, and sends them with the answer (pace, pauses and the time to the first
  // word are worked out on the server). Only these numbers and the words leave the browser.
  function timingRecorder(panel) {
    var input = panel.querySelector("[data-timing-input]");
    var shownAt = performance.now();
    var phrases = [];
    try {
      phrases = JSON.parse(input && input.value) || [];
    } catch (error) {
      phrases = [];
    }
    // A page reloaded mid-answer: the question appeared when the first phrase's clock began.
    if (phrases.length) shownAt -= (phrases[phrases.length - 1][1] + 1) * 1000;
    var starts = {};
    function at(event) {
      var stamp = event && typeof event.timeStamp === "number" && event.timeStamp > 0
        ? event.timeStamp : performance.now();
      return Math.max(0, Math.round((stamp - shownAt) / 10) / 100);
    }
    return {
      // A new recognition counts its results from 0 again.
      restart: function () { starts = {}; },
      heard: function (event, index, isFinal) {
        var now = at(event);
        if (!(index in starts)) starts[index] = now;
        if (!isFinal || !input) return;
        var start = Math.max(starts[index], phrases.length ? phrases[phrases.length - 1][1] : 0);
        phrases.push([start, Math.max(start, now)]);
        input.value = JSON.stringify(phrases);
      },
    };
  }

  function setupMic(panel) {
    var button = panel.querySelector("[data-mic]");
    var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    if (!button || !Recognition) return; // typing always works; the button stays hidden
    var box = panel.querySelector("textarea[name=answer]");
    var timing = timingRecorder(panel);
    button.hidden = false;
    button.addEventListener("click", function () {
      if (recognition) {
        recognition.stop();
        return;
      }
      recognition = new Recognition();
      timing.restart();
      recognition.continuous = true;
      // Interim results say when a phrase began; only final ones are written down.
      recognition.interimResults = true;
      recognition.lang = document.documentElement.lang || "en";
      recognition.onresult = function (event) {
        for (var i = event.resultIndex; i < event.results.length; i++) {
          var result = event.results[i];
          timing.heard(event, i, result.isFinal);
          if (!result.isFinal) continue;
          var words = result[0].transcript.trim();
          if (!words) continue;
          box.value += (box.value && !/\s$/.test(box.value) ? " " : "") + words;
          box.dispatchEvent(new Event("input", { bubbles: true }));
        }
      };
      recognition.onend = function () {
        recognition = null;
        button.setAttribute("aria-pressed", "false");
      };
      recognition.start();
      button.setAttribute("aria-pressed", "true");
    });
  }

  function onLoad(element) {
    if (element.id === "save-status") {
      var panel = document.getElementById("run-panel");
      var saved = element.getAttribute("data-saved-version");
      if (panel && saved !== null && !leaving) {
        forgetDraft(panel.getAttribute("data-session"), panel.getAttribute("data-turn"), Number(saved));
      }
      return;
    }
    // The peer interviewer's console shows the same two clocks, counting down only.
    var consoleLive = element.id === "console-live" ? element : element.querySelector && element.querySelector("#console-live");
    if (consoleLive) {
      startClocks(consoleLive);
      return;
    }
    var runPanel = element.id === "run-panel" ? element : element.querySelector && element.querySelector("#run-panel");
    if (!runPanel) return;
    if (recognition) recognition.stop();
    var confirmed = runPanel.getAttribute("data-confirmed-turn");
    if (confirmed !== null) forgetDraft(runPanel.getAttribute("data-session"), confirmed);
    startClocks(runPanel);
    setupAnswer(runPanel);
    setupMic(runPanel);
    // After a swap the submit button is gone: put the keyboard in the new answer box, whose
    // description reads the new question out.
    var box = runPanel.querySelector("textarea[name=answer]");
    if (element === runPanel && box) box.focus();
    // htmx wires swapped-in content a moment after inserting it; this says the panel is live.
    runPanel.setAttribute("data-ready", "");
  }

  // A 4xx is the server's answer, and sending the same text again would get it again: say
  // why, and wait for the text to change. The most likely one is a body over the size limit
  // (the proxy's 413, Django's 400), which only a text far over the answer's limit reaches.
  function refusal(panel, xhr, saving) {
    var box = panel.querySelector("textarea[name=answer]");
    var action = saving ? "save" : "submit";
    if (box && box.maxLength > 0 && box.value.length > box.maxLength) {
      return "This answer is over the " + box.maxLength.toLocaleString("en-US") +
        "-character limit; shorten it to " + action + ". Your text stays here and in this browser.";
    }
    return "Not " + (saving ? "saved" : "sent") + ": the server refused it (error " + xhr.status +
      "). Your text stays here and in this browser; reload the page to carry on.";
  }

  function onRequestFailed(event) {
    var elt = event.detail && event.detail.elt;
    var panel = elt && elt.closest && elt.closest("#run-panel");
    var status = document.getElementById("save-status");
    if (!panel || !status) return;
    status.classList.add("save-error");
    status.removeAttribute("data-saved-version");
    var saving = elt.matches("textarea[name=answer]");
    var xhr = event.detail.xhr;
    if (event.type === "htmx:responseError" && xhr.status >= 400 && xhr.status < 500) {
      if (saving) clearTimeout(retryTimer);
      status.textContent = refusal(panel, xhr, saving);
      return;
    }
    if (saving) {
      status.textContent = "Not saved yet: the server is not answering. Your text is kept in " +
        "this browser and will be saved as soon as the server is back.";
      clearTimeout(retryTimer);
      retryTimer = setTimeout(function () {
        if (document.body.contains(elt)) window.htmx.trigger(elt, "hotseat:retry");
      }, RETRY_MS);
    } else {
      status.textContent = "Your answer was not sent: the server is not answering. It is " +
        "kept in this browser; submit it again in a moment.";
    }
  }

  window.addEventListener("beforeunload", function () {
    leaving = true;
    clearTimeout(retryTimer);
  });

  document.addEventListener("DOMContentLoaded", setupSpeakToggle);
  if (window.htmx) {
    document.addEventListener("htmx:sendError", onRequestFailed);
    document.addEventListener("htmx:responseError", onRequestFailed);
    window.htmx.onLoad(onLoad);
  } else {
    document.addEventListener("DOMContentLoaded", function () { onLoad(document.body); });
  }
})();
