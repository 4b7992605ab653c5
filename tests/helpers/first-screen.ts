// Where the front page's answers sit on a phone: px from the top of the document, measured in the
// browser. Shared by the first-screen test and `npm run screenshots`, which prints them.
import type { Page } from 'playwright-core';

export interface FirstScreen {
  /** Bottom of the site header. */
  header: number;
  /** Bottom of the situation line (the h1 "Läget <time>"). */
  situation?: number;
  /** Top of the status board. */
  board: number;
  /** Top of the first service that does not work normally, and bottom of the last one. */
  firstNotOperational?: number;
  lastNotOperational?: number;
  /** How many services on the board do not work normally. */
  notOperational: number;
  /** Bottom of the first phone number (tel: link) in <main>. */
  firstPhone?: number;
  /** Height of the whole page. */
  height: number;
  /** Wider than the window: the page scrolls sideways. */
  scrollsSideways: boolean;
}

// A string, not a function: tsx's helpers would not exist inside the page.
const MEASURE = `(() => {
  const top = (e) => (e ? Math.round(e.getBoundingClientRect().top + scrollY) : undefined);
  const bottom = (e) => (e ? Math.round(e.getBoundingClientRect().bottom + scrollY) : undefined);
  const bad = [...document.querySelectorAll('main .board .svc')].filter((e) => !e.classList.contains('svc-operational'));
  return {
    header: bottom(document.querySelector('header')),
    situation: bottom(document.querySelector('main .situation h1')),
    board: top(document.querySelector('main .board')),
    firstNotOperational: top(bad[0]),
    lastNotOperational: bottom(bad[bad.length - 1]),
    notOperational: bad.length,
    firstPhone: bottom(document.querySelector('main a[href^="tel:"]')),
    height: document.documentElement.scrollHeight,
    scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  };
})()`;

export async function measureFirstScreen(page: Page): Promise<FirstScreen> {
  return (await page.evaluate(MEASURE)) as FirstScreen;
}
