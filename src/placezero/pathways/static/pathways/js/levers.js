// The number beside each slider follows it, and so does what a screen reader hears
// (forms.level_words says the same on the server); the results follow through htmx.
(function () {
  function levelWords(slider) {
    var meanings = JSON.parse(slider.getAttribute("data-levels") || "[]");
    var level = parseFloat(slider.value);
    var low = Math.min(Math.max(Math.floor(level + 1e-9), 1), 4);
    if (Math.abs(level - low) < 1e-4) {
      return "Level " + low + ": " + meanings[low - 1];
    }
    return "Level " + level + ", between " + meanings[low - 1] + " and " + meanings[low];
  }
  document.addEventListener("input", function (event) {
    var slider = event.target;
    if (slider.matches && slider.matches(".pz-lever input[type=range]")) {
      var level = document.getElementById(slider.id + "-level");
      if (level) {
        level.textContent = slider.value;
      }
      slider.setAttribute("aria-valuetext", levelWords(slider));
    }
  });
})();
