/* Progressive enhancement: the reason list shows only the reasons that fit the chosen
   outcome. Without JavaScript the list is grouped per outcome and the server checks the fit. */
document.querySelectorAll("form").forEach(function (form) {
  var outcome = form.querySelector("select[data-outcome]");
  var reason = form.querySelector("select[data-reason]");
  if (!outcome || !reason) { return; }
  var groups = Array.prototype.slice.call(reason.querySelectorAll("optgroup"));
  var field = reason.closest(".field") || reason.parentNode;
  function update() {
    var label = outcome.selectedIndex > 0 ? outcome.options[outcome.selectedIndex].text : "";
    var chosen = reason.value;
    var fits = false;
    groups.forEach(function (group) {
      var match = group.label === label;
      group.hidden = !match;
      group.disabled = !match;
      if (match) {
        Array.prototype.forEach.call(group.options, function (o) {
          if (o.value === chosen) { o.selected = true; fits = true; }
        });
      }
    });
    if (!fits) { reason.value = ""; }
    var any = groups.some(function (g) { return g.label === label; });
    field.hidden = !any;
  }
  outcome.addEventListener("change", update);
  update();
});
