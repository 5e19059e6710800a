/**
 * A visible hint that a table frame scrolling sideways has more columns: on a phone the
 * statements show Partner to GV and the money columns (Earned, Payout, Carried out) sit past the
 * frame's right edge with nothing saying so; the disclosure at 1024 px cuts at "Ea…". While the
 * frame hides columns on its right, a fade and a "more ›" button sit at its right edge; the
 * button scrolls one frame to the right (a touch swipe does the same). They go once the frame is
 * scrolled to its end or its content fits.
 */
import { el } from "../dom.ts";

/** Wraps `frame` (an element that scrolls sideways) in a host that shows the cue; returns the host. */
export function withScrollCue(frame: HTMLElement): HTMLElement {
  const more = el("button", {
    className: "scroll-more",
    text: "more ›",
    title: "More columns to the right: scroll sideways or press here",
    attrs: { type: "button", "aria-label": "Show more columns to the right" },
    // The scroll event that updates the cue comes a frame later; update now, so the button's
    // state never lags the frame's position (a second press on a button about to hide).
    on: { click: () => { frame.scrollBy({ left: Math.max(80, frame.clientWidth * 0.8) }); update(); } },
  });
  const fade = el("div", { className: "scroll-fade", attrs: { "aria-hidden": "true" } });
  const host = el("div", { className: "scroll-cue-host" }, frame, fade, more);
  const update = (): void => {
    const hidden = frame.scrollWidth - frame.clientWidth - frame.scrollLeft > 1;
    more.hidden = !hidden;
    fade.hidden = !hidden;
  };
  frame.addEventListener("scroll", update, { passive: true });
  // The frame's width changes with the window and the splitter, its content with every page shown.
  const sizes = new ResizeObserver(update);
  sizes.observe(frame);
  const watchContent = (): void => {
    for (const child of frame.children) sizes.observe(child);
    update();
  };
  new MutationObserver(watchContent).observe(frame, { childList: true });
  watchContent();
  return host;
}
