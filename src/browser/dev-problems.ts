// The dev server's panel for a talk with problems (`npm run dev`): the same lines `npm run check` prints, over the
// last good deck or over the slide that says there is none yet, in large type that wraps inside the window. It
// replaces Vite's own error overlay, which speaks to programmers ("fix the code", vite.config.ts). Loaded only on
// the dev server (import.meta.hot), never in a built deck.

export interface DeckProblems {
  /** The problem lines and the closing sentence, as npm run check prints them. */
  message: string;
}

export const PANEL_ID = 'deck-problems';

export function showProblems({ message }: DeckProblems): void {
  document.getElementById(PANEL_ID)?.remove();
  const panel = document.createElement('section');
  panel.id = PANEL_ID;
  panel.setAttribute('role', 'alert');
  panel.setAttribute('aria-labelledby', `${PANEL_ID}-title`);
  Object.assign(panel.style, {
    position: 'fixed',
    inset: '2vh 2vw auto 2vw',
    maxHeight: '96vh',
    overflow: 'auto',
    zIndex: '1000',
    background: '#fff',
    color: '#000',
    border: '4px solid #000',
    borderRadius: '8px',
    padding: '16px 24px',
    font: '20px/1.5 system-ui, sans-serif',
    textAlign: 'left',
  });
  const title = document.createElement('h2');
  title.id = `${PANEL_ID}-title`;
  title.textContent = "The talk's files have problems";
  Object.assign(title.style, { font: 'bold 28px/1.3 system-ui, sans-serif', margin: '0 0 12px', color: '#000', textTransform: 'none' });
  const text = document.createElement('pre');
  text.className = 'message';
  text.textContent = message;
  // Long file names and quotes wrap inside the window instead of running off it.
  Object.assign(text.style, { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', font: '20px/1.5 ui-monospace, monospace', margin: '0 0 12px', color: '#000' });
  const hide = document.createElement('button');
  hide.type = 'button';
  hide.textContent = 'Hide this list (it comes back until the files are fixed)';
  Object.assign(hide.style, { font: '20px system-ui, sans-serif', padding: '8px 16px', minHeight: '44px', color: '#000', background: '#fff', border: '2px solid #000', borderRadius: '6px' });
  hide.addEventListener('click', () => panel.remove());
  panel.append(title, text, hide);
  document.body.append(panel);
}
