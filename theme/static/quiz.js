// doracak quiz: immediate feedback on each question (with a link to the step that holds
// the answer), the score, and the training record ("read and understood") kept in this
// browser through Doracak.training. The questions and answers are in the page (made at
// build time), so the online quiz is the printed one.
(function () {
  "use strict";
  var T = window.Doracak && window.Doracak.training;
  var quiz = document.querySelector("[data-quiz]");
  if (!T || !quiz) { return; }
  var UI = window.DORACAK_UI || {};
  var say = T.say;
  var questions = Array.prototype.slice.call(quiz.querySelectorAll("[data-question]"));
  var store = new T.Store(quiz.getAttribute("data-handbook") || "", quiz.getAttribute("data-edition") || "");
  var form = quiz.querySelector("[data-quiz-form]");

  function inputs(q) { return Array.prototype.slice.call(q.querySelectorAll("input")); }
  function multiple(q) { return inputs(q).some(function (i) { return i.type === "checkbox"; }); }

  function score() {
    var right = 0, answered = 0;
    questions.forEach(function (q) {
      if (q.classList.contains("is-right")) { right++; answered++; }
      else if (q.classList.contains("is-wrong")) { answered++; }
    });
    return { score: right, answered: answered, total: questions.length };
  }

  function showScore() {
    var s = score();
    var el = quiz.querySelector("[data-quiz-score]");
    el.textContent = window.DORACAK_COUNT("quiz_score_answered", s.total, s);
  }

  // Whether a correct choice is answered: ticked, or a group whose nearest correct members
  // (data-members, their letters) are all answered: the group, or its members, is enough.
  function answered(i, byLetter) {
    if (i.checked) { return true; }
    var m = (i.getAttribute("data-members") || "").split(" ").filter(Boolean);
    return m.length > 0 && m.every(function (l) { return answered(byLetter[l], byLetter); });
  }

  // Right when no wrong choice is ticked and every correct one is answered, a correct
  // member through its group too.
  function isRight(all) {
    var byLetter = {}, inside = {};
    all.forEach(function (i) {
      byLetter[i.value] = i;
      (i.getAttribute("data-members") || "").split(" ").filter(Boolean).forEach(function (l) { inside[l] = true; });
    });
    return all.every(function (i) {
      var correct = i.getAttribute("data-correct") === "true";
      if (!correct) { return !i.checked; }
      return inside[i.value] || answered(i, byLetter);
    });
  }

  // Check one question once, when asked ("Check" or Enter): right when the correct choices
  // are ticked (a group or its members for both) and no wrong one. Choosing (arrow keys, a
  // tap) never grades, as in any radio group.
  function check(q) {
    if (q.classList.contains("is-right") || q.classList.contains("is-wrong")) { return; }
    var all = inputs(q);
    var feedback = q.querySelector("[data-quiz-feedback]");
    var verdict = q.querySelector("[data-quiz-verdict]");
    if (!all.some(function (i) { return i.checked; })) {
      verdict.textContent = say("quiz_choose_first", {}, "Choose an answer first.");
      all[0].focus();
      return;
    }
    var right = isRight(all);
    all.forEach(function (i) {
      i.disabled = true;
      if (i.getAttribute("data-correct") === "true") { i.parentNode.classList.add("was-correct"); }
    });
    q.classList.add(right ? "is-right" : "is-wrong");
    var button = q.querySelector("[data-quiz-check]");
    if (button) { button.hidden = true; }
    var note = q.getAttribute("data-answer-note");
    verdict.textContent = (right
      ? say("quiz_correct", {}, "Correct.")
      : say("quiz_wrong", { answer: q.getAttribute("data-answer") }, "The correct answer: " + q.getAttribute("data-answer")))
      + (note ? " " + note : "");
    q.querySelector("[data-quiz-step]").hidden = false;
    // The sentence of the source that holds the answer.
    var source = q.querySelector("[data-quiz-source]");
    if (source) { source.hidden = false; }
    showScore();
    // Focus goes to the verdict (a status region, read out), never lost to the page.
    feedback.tabIndex = -1;
    feedback.focus();
  }

  questions.forEach(function (q) {
    var button = q.querySelector("[data-quiz-check]");
    button.hidden = false;
    button.addEventListener("click", function () { check(q); });
    inputs(q).forEach(function (i) {
      i.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); check(q); }
      });
    });
  });

  function status(msg) { quiz.querySelector("[data-quiz-status]").textContent = msg; }

  form.elements.date.value = T.today();
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var name = T.trim(form.elements.name.value);
    var date = form.elements.date.value.trim();
    if (!name) { status(say("quiz_need_name", {}, "Name?")); form.elements.name.focus(); return; }
    if (!T.isDate(date)) { status(say("quiz_need_date", {}, "Date?")); form.elements.date.focus(); return; }
    if (!form.elements.understood.checked) { status(say("quiz_need_understood", {}, "Confirm.")); form.elements.understood.focus(); return; }
    var s = score();
    if (s.answered < s.total) {
      status(say("quiz_need_all", { left: s.total - s.answered }, "Answer every question."));
      var open = questions.filter(function (q) { return !q.classList.contains("is-right") && !q.classList.contains("is-wrong"); })[0];
      if (open) { open.querySelector("input").focus(); }
      return;
    }
    var rec = {
      id: store.newId(), name: name, date: date,
      kind: quiz.getAttribute("data-quiz-kind"), subject: quiz.getAttribute("data-quiz-subject"),
      title: quiz.getAttribute("data-quiz-title") || "",
      score: s.score, total: s.total, understood: true,
      edition: quiz.getAttribute("data-edition") || "", saved: T.nowIso(),
      content: quiz.getAttribute("data-content") || ""
    };
    try { store.add(rec); } catch (e) { status(e.reason || say(e.name === "SecurityError" ? "training_storage_off" : "training_storage_full", {}, String(e))); return; }
    status(say("quiz_saved", s, "Saved."));
  });

  quiz.querySelector("[data-quiz-record]").hidden = false;
  showScore();
})();
