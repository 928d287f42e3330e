/*
 * "Exit this page": leave the site quickly, by the red button, by the
 * "Exit this page" skip link, or by pressing Shift three times in a row.
 *
 * Behaviour modelled on the GOV.UK Design System component of the same name:
 * - Leaving first hides the page behind a plain overlay, then goes to the
 *   neutral site with location.href (not replace): the visit stays in the
 *   history, because people who took part in GOV.UK's research expected
 *   Back to work.
 * - A Shift press counts only when Shift is pressed and released on its own.
 *   Each press must come within PRESS_WINDOW_MS of the previous one; any other
 *   key, or a pause, resets the count. A status region tells screen reader
 *   users how many presses are left, and when the count has expired.
 * - When the browser restores this page from its back-forward cache, the
 *   overlay is removed so the page is usable again.
 *
 * Without JavaScript the button and the skip link are ordinary links to the
 * same neutral address. The script stores nothing and sends nothing.
 */
(function () {
  'use strict';

  const PRESSES_TO_EXIT = 3;
  const PRESS_WINDOW_MS = 5000;
  const MESSAGE_LIFETIME_MS = 5000;
  const HIDE_CLASS = 'exit-this-page--hide-content';

  function start() {
    const root = document.querySelector('[data-module="exit-this-page"]');
    if (!root) {
      return;
    }
    const button = root.querySelector('.exit-this-page__button');
    if (!button || !button.href) {
      return;
    }
    const skipLinks = document.querySelectorAll('.exit-this-page__skiplink');

    const text = {
      activated: root.getAttribute('data-i18n-activated') || 'Loading.',
      timedOut: root.getAttribute('data-i18n-timed-out') || '',
      twoMore: root.getAttribute('data-i18n-press-two-more-times') || '',
      oneMore: root.getAttribute('data-i18n-press-one-more-time') || ''
    };

    // Live region, created empty so later changes are announced.
    const status = document.createElement('div');
    status.className = 'exit-this-page__indicator visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    root.appendChild(status);

    // Three dots in the button that light up with each Shift press.
    const lights = document.createElement('span');
    lights.className = 'exit-this-page__lights';
    lights.setAttribute('aria-hidden', 'true');
    for (let i = 0; i < PRESSES_TO_EXIT; i += 1) {
      const light = document.createElement('span');
      light.className = 'exit-this-page__light';
      lights.appendChild(light);
    }
    button.appendChild(lights);

    let presses = 0;
    let pressTimer = null;
    let messageTimer = null;
    let overlay = null;
    // Set when Shift is held down as a modifier (Shift+A, Shift+Tab,
    // Shift+click): that press must not count when Shift is released.
    let shiftUsedWithOtherInput = false;

    function announce(message) {
      window.clearTimeout(messageTimer);
      messageTimer = null;
      status.textContent = message;
    }

    function showPresses() {
      lights.classList.toggle('exit-this-page__lights--visible', presses > 0);
      const dots = lights.children;
      for (let i = 0; i < dots.length; i += 1) {
        dots[i].classList.toggle('exit-this-page__light--on', i < presses);
      }
    }

    function stopCounting() {
      window.clearTimeout(pressTimer);
      pressTimer = null;
      presses = 0;
      showPresses();
    }

    function expire() {
      stopCounting();
      announce(text.timedOut);
      messageTimer = window.setTimeout(function () {
        status.textContent = '';
        messageTimer = null;
      }, MESSAGE_LIFETIME_MS);
    }

    function leave() {
      stopCounting();
      if (!overlay) {
        overlay = document.createElement('div');
        overlay.className = 'exit-this-page-overlay';
        // The status region is hidden with the rest of the page, so the
        // overlay itself carries the message.
        overlay.setAttribute('role', 'alert');
        document.body.appendChild(overlay);
        overlay.textContent = text.activated;
      }
      document.body.classList.add(HIDE_CLASS);
      announce(text.activated);
      window.location.href = button.href;
    }

    function restore() {
      stopCounting();
      announce('');
      shiftUsedWithOtherInput = false;
      if (overlay) {
        overlay.remove();
        overlay = null;
      }
      document.body.classList.remove(HIDE_CLASS);
    }

    function onActivate(event) {
      event.preventDefault();
      leave();
    }

    function onKeyDown(event) {
      if (event.key === 'Shift') {
        if (!event.repeat) {
          shiftUsedWithOtherInput = false;
        }
        return;
      }
      if (event.shiftKey) {
        shiftUsedWithOtherInput = true;
      }
      if (presses > 0) {
        expire();
      }
    }

    function onKeyUp(event) {
      if (event.key !== 'Shift') {
        return;
      }
      if (shiftUsedWithOtherInput) {
        shiftUsedWithOtherInput = false;
        return;
      }
      presses += 1;
      if (presses >= PRESSES_TO_EXIT) {
        leave();
        return;
      }
      showPresses();
      announce(presses === 1 ? text.twoMore : text.oneMore);
      window.clearTimeout(pressTimer);
      pressTimer = window.setTimeout(expire, PRESS_WINDOW_MS);
    }

    function onMouseDown(event) {
      if (event.shiftKey) {
        shiftUsedWithOtherInput = true;
      }
    }

    // The link has role="button", so Space must work as on a real button.
    function onButtonKeyDown(event) {
      if (event.key === ' ' || event.key === 'Spacebar') {
        onActivate(event);
      }
    }

    button.addEventListener('click', onActivate);
    button.addEventListener('keydown', onButtonKeyDown);
    for (let i = 0; i < skipLinks.length; i += 1) {
      skipLinks[i].addEventListener('click', onActivate);
    }
    // Capture phase, so that no other handler can stop the events first.
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('keyup', onKeyUp, true);
    document.addEventListener('mousedown', onMouseDown, true);
    window.addEventListener('pageshow', function (event) {
      if (event.persisted || overlay) {
        restore();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
