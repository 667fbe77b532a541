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
    el.textContent = say("quiz_score", s, s.score + " / " + s.total) + " " + window.DORACAK_COUNT("quiz_answered", s.total, s);
  }

  // Check one question once: right when exactly the correct choices are ticked.
  function check(q) {
    if (q.classList.contains("is-right") || q.classList.contains("is-wrong")) { return; }
    var all = inputs(q);
    if (!all.some(function (i) { return i.checked; })) { return; }
    var right = all.every(function (i) { return i.checked === (i.getAttribute("data-correct") === "true"); });
    all.forEach(function (i) {
      i.disabled = true;
      if (i.getAttribute("data-correct") === "true") { i.parentNode.classList.add("was-correct"); }
    });
    q.classList.add(right ? "is-right" : "is-wrong");
    var button = q.querySelector("[data-quiz-check]");
    if (button) { button.hidden = true; }
    q.querySelector("[data-quiz-verdict]").textContent = right
      ? say("quiz_correct", {}, "Correct.")
      : say("quiz_wrong", { answer: q.getAttribute("data-answer") }, "The correct answer: " + q.getAttribute("data-answer"));
    q.querySelector("[data-quiz-step]").hidden = false;
    showScore();
  }

  questions.forEach(function (q) {
    var button = q.querySelector("[data-quiz-check]");
    if (multiple(q)) {
      button.hidden = false;
      button.addEventListener("click", function () { check(q); });
    } else {
      inputs(q).forEach(function (i) { i.addEventListener("change", function () { check(q); }); });
    }
  });

  function status(msg) { quiz.querySelector("[data-quiz-status]").textContent = msg; }

  form.elements.date.value = T.today();
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var name = form.elements.name.value.trim();
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
      edition: quiz.getAttribute("data-edition") || "", saved: T.nowIso()
    };
    try { store.add(rec); } catch (e) { status(say("training_storage_full", {}, String(e))); return; }
    status(say("quiz_saved", s, "Saved."));
  });

  quiz.querySelector("[data-quiz-record]").hidden = false;
  showScore();
})();
