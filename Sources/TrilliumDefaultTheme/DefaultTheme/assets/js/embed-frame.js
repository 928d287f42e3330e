/* Trillium: tells the page that embeds /en/embed/services/ (or /fr/…) how tall it is.
 * Only a number is sent, so any parent origin may receive it.
 *
 * Partner side (put it in your own script file; replace SITE with our address):
 *
 *   <iframe id="trillium-services" title="Help services"
 *           src="https://SITE/en/embed/services/" loading="lazy"></iframe>
 *
 *   window.addEventListener("message", function (event) {
 *     if (event.origin !== "https://SITE") return;          // only our site
 *     var data = event.data;
 *     if (!data || data.type !== "trillium:height") return;
 *     var height = Math.ceil(Number(data.height));
 *     if (!(height > 0 && height < 20000)) return;          // ignore odd values
 *     var frame = document.getElementById("trillium-services");
 *     if (frame && event.source === frame.contentWindow) {
 *       frame.style.height = height + "px";
 *     }
 *   });
 */
(function () {
  "use strict";

  /** Remembers the last value and says whether a new one should be sent. */
  function changeFilter() {
    var last = -1;
    return function (height) {
      if (!(height > 0) || height === last) return false;
      last = height;
      return true;
    };
  }

  function heightMessage(height) {
    return { type: "trillium:height", height: height };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { changeFilter: changeFilter, heightMessage: heightMessage };
  }

  if (typeof window === "undefined" || window.parent === window) return;

  var shouldSend = changeFilter();
  var scheduled = false;

  function report() {
    scheduled = false;
    var height = document.documentElement.scrollHeight;
    if (shouldSend(height)) window.parent.postMessage(heightMessage(height), "*");
  }

  // Batch bursts of resizes and mutations into one measurement. A timer rather than
  // requestAnimationFrame, which browsers pause in frames that are off screen.
  function reportSoon() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(report, 30);
  }

  window.addEventListener("load", reportSoon);
  window.addEventListener("resize", reportSoon);
  if (typeof ResizeObserver === "function") {
    var observer = new ResizeObserver(reportSoon);
    observer.observe(document.documentElement);
    if (document.body) observer.observe(document.body);
  } else if (typeof MutationObserver === "function") {
    new MutationObserver(reportSoon).observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  }
  reportSoon();
})();
