// The follow-along bar above the slides: it takes its own room, so it never covers a slide or the slide number.
import { FOLLOW_KEY, RECORD_KEY } from '../../locale/browser-keys.ts';
import { say } from '../deck-words.ts';

export type Role = 'presenter' | 'listener';

export interface Bar {
  root: HTMLElement;
  toggle: HTMLButtonElement | null;
  toggleState: HTMLElement | null;
  status: HTMLElement;
  count: HTMLElement;
  /** The presenter's "Start recording the timeline" (shown only when npm run present was given --record). */
  record: HTMLButtonElement | null;
}

export function makeBar(role: Role): Bar {
  const root = document.createElement('div');
  root.className = 'follow-bar';
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', say('follow.region'));

  let toggle: HTMLButtonElement | null = null;
  let toggleState: HTMLElement | null = null;
  if (role === 'listener') {
    toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'follow-toggle';
    toggle.setAttribute('aria-pressed', 'true');
    toggle.setAttribute('aria-keyshortcuts', FOLLOW_KEY);
    const label = document.createElement('span');
    label.textContent = say('follow.toggle');
    toggleState = document.createElement('span');
    toggleState.className = 'follow-toggle-state';
    toggleState.setAttribute('aria-hidden', 'true');
    toggleState.textContent = say('follow.on');
    toggle.append(label, ' ', toggleState);
    root.append(toggle);
  }

  const status = document.createElement('p');
  status.className = 'follow-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.textContent = say(role === 'presenter' ? 'follow.connectingPresenter' : 'follow.connectingListener');
  const count = document.createElement('p');
  count.className = 'follow-count';
  let record: HTMLButtonElement | null = null;
  if (role === 'presenter') {
    record = document.createElement('button');
    record.type = 'button';
    record.className = 'follow-toggle follow-record';
    record.setAttribute('aria-keyshortcuts', RECORD_KEY);
    record.textContent = say('follow.recordStart');
    record.hidden = true;
    root.append(record);
  }
  root.append(status, count);

  document.body.prepend(root);
  document.body.classList.add('follow-on');
  return { root, toggle, toggleState, status, count, record };
}

/** A button in the bar: Space and Enter press it and must not also move the slides; after a mouse click the keys go
 *  back to the slides (Space would otherwise press the button again). */
export function onPress(button: HTMLButtonElement, press: () => void): void {
  button.addEventListener('click', (event) => {
    press();
    if (event.detail > 0) button.blur();
  });
  button.addEventListener('keydown', (event) => {
    if (event.key === ' ' || event.key === 'Enter') event.stopPropagation();
  });
}
