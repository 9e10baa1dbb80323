// Questions on the live link. A listener's "Ask a question" opens a small form (the question, a name if they like,
// and a notice that the speaker may read it aloud, so leave out anything private) and says when it arrived. The
// presenter's and the moderator's pages keep the list: a count on the bar when new ones come, a panel (key Q) with
// each question, its time and the slide it was asked on, newest last; mark answered, hide, read the next aloud in
// large type; the moderator also picks the next one and merges duplicates. Every text is set as text.
import '../../styles/questions.css';
import { QUESTIONS_KEY } from '../../locale/browser-keys.ts';
import { parseQuestionItems } from '../../present/question-items.ts';
import { askMessage, questionActionMessage, type AskReason, type QuestionActionName, type QuestionItem } from '../../present/protocol.ts';
import questionWords from 'virtual:question-words';
import { addWords, say } from '../deck-words.ts';

addWords(questionWords);
import { onPress } from './follow-bar.ts';

const MAX_CHARS = 500;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The listener's side: the button on the bar and its form. */
export class AskForm {
  readonly button: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private readonly text: HTMLTextAreaElement;
  private readonly name: HTMLInputElement;
  private readonly problem: HTMLParagraphElement;
  private readonly left: HTMLParagraphElement;
  private readonly notice: HTMLParagraphElement;
  private readonly send: HTMLButtonElement;
  private waiting = false;

  constructor(
    bar: HTMLElement,
    private readonly socket: () => WebSocket | null,
    private readonly announce: (text: string) => void,
  ) {
    this.button = el('button', { type: 'button', class: 'follow-button follow-ask', 'aria-haspopup': 'dialog' }, say('follow.askButton'));
    this.button.hidden = true;
    onPress(this.button, () => this.open());
    bar.append(this.button);

    // One form a page: a bar made again (a presenter link no longer valid) replaces the old one.
    document.querySelector('dialog.follow-dialog')?.remove();
    this.dialog = el('dialog', { class: 'follow-dialog', 'aria-labelledby': 'ask-title' });
    const form = el('form', { method: 'dialog' });
    const title = el('h2', { id: 'ask-title' }, say('follow.askTitle'));
    this.notice = el('p', { id: 'ask-notice', class: 'follow-notice' });
    const textLabel = el('label', { for: 'ask-text' }, say('follow.askLabel', { max: MAX_CHARS }));
    this.text = el('textarea', { id: 'ask-text', rows: '4', maxlength: String(MAX_CHARS), 'aria-describedby': 'ask-notice ask-left ask-problem', required: '' });
    this.left = el('p', { id: 'ask-left', class: 'follow-left' });
    const nameLabel = el('label', { for: 'ask-name' }, say('follow.askName'));
    this.name = el('input', { id: 'ask-name', type: 'text', maxlength: '60', autocomplete: 'name' });
    this.problem = el('p', { id: 'ask-problem', class: 'follow-problem', role: 'alert' });
    this.send = el('button', { type: 'submit', class: 'follow-button' }, say('follow.askSend'));
    const cancel = el('button', { type: 'button', class: 'follow-button follow-secondary' }, say('follow.askNo'));
    cancel.addEventListener('click', () => this.close());
    const buttons = el('div', { class: 'follow-buttons' });
    buttons.append(this.send, cancel);
    form.append(title, this.notice, textLabel, this.text, this.left, nameLabel, this.name, this.problem, buttons);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.text.addEventListener('input', () => this.count());
    // Keys typed here are the form's, never the deck's (Space, arrows, L, Q).
    this.dialog.addEventListener('keydown', (event) => event.stopPropagation());
    this.dialog.addEventListener('close', () => this.button.focus());
    this.dialog.append(form);
    document.body.append(this.dialog);
  }

  /** The relay takes questions (and keeps them so many days): the button shows. */
  open_(keepDays: number): void {
    this.notice.textContent = say('follow.askNotice', { days: keepDays });
    this.button.hidden = false;
  }

  private open(): void {
    this.problem.textContent = '';
    this.count();
    this.dialog.showModal();
    this.text.focus();
  }

  private close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  private count(): void {
    this.left.textContent = say('follow.askLeft', { count: MAX_CHARS - [...this.text.value].length });
  }

  private submit(): void {
    const ws = this.socket();
    const text = this.text.value.trim();
    if (!text) return this.fail('empty');
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      this.problem.textContent = say('follow.askDown');
      return;
    }
    this.waiting = true;
    this.send.disabled = true;
    ws.send(askMessage(text, this.name.value.trim() || undefined));
  }

  /** The relay's answer to this page's question. */
  answered(ok: boolean, reason?: AskReason): void {
    if (!this.waiting) return;
    this.waiting = false;
    this.send.disabled = false;
    if (ok) {
      this.text.value = '';
      this.close();
      this.announce(say('follow.askSent'));
      return;
    }
    this.fail(reason ?? 'store');
  }

  private fail(reason: AskReason): void {
    const key = { off: 'follow.askOff', rate: 'follow.askRate', empty: 'follow.askEmpty', long: 'follow.askLong', control: 'follow.askControl', store: 'follow.askStore' }[reason] as Parameters<typeof say>[0];
    this.problem.textContent = say(key, { max: MAX_CHARS });
    if (reason === 'off') this.button.hidden = true;
    this.text.focus();
  }
}

/** The presenter's and the moderator's side: the count on the bar and the panel of questions. */
export class QuestionsPanel {
  private readonly button: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly reader: HTMLDialogElement;
  private items: QuestionItem[] = [];
  private seen = 0;

  constructor(
    bar: HTMLElement,
    private readonly role: 'presenter' | 'moderator',
    private readonly socket: () => WebSocket | null,
  ) {
    this.button = el('button', { type: 'button', class: 'follow-button follow-questions', 'aria-expanded': 'false', 'aria-controls': 'follow-questions', 'aria-keyshortcuts': QUESTIONS_KEY });
    onPress(this.button, () => this.toggle());
    bar.append(this.button);
    this.panel = el('section', { id: 'follow-questions', class: 'follow-panel', 'aria-labelledby': 'questions-title' });
    this.panel.hidden = true;
    this.panel.append(el('h2', { id: 'questions-title' }, say('follow.questionsTitle')));
    if (role === 'moderator') this.panel.append(el('p', { class: 'follow-notice' }, say('follow.moderating')));
    this.list = el('ol', { class: 'follow-question-list' });
    this.panel.append(this.list);
    // Escape closes the list; Space and Enter press its buttons, and a choice list takes its arrows. Any other key
    // (the arrows, Q) still works the slides while the list is open.
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.toggle(false);
      if (event.key === ' ' || event.key === 'Enter' || event.key === 'Escape' || (event.target as HTMLElement).tagName === 'SELECT') event.stopPropagation();
    });
    this.reader = el('dialog', { class: 'follow-reader', 'aria-labelledby': 'reader-text' });
    this.reader.addEventListener('keydown', (event) => event.stopPropagation());
    document.body.append(this.panel, this.reader);
    this.render();
  }

  /** Gone with the presenter's role (a link no longer valid). */
  remove(): void {
    this.button.remove();
    this.panel.remove();
    this.reader.remove();
  }

  toggle(show = this.panel.hidden): void {
    this.panel.hidden = !show;
    this.button.setAttribute('aria-expanded', String(show));
    if (show) {
      this.seen = this.items.length;
      this.renderButton();
      (this.panel.querySelector<HTMLElement>('button') ?? this.panel).focus();
    } else this.button.focus();
  }

  /** The relay's list, read item by item; a list that is not one of questions changes nothing. */
  update(sent: unknown[]): void {
    const items = parseQuestionItems(sent);
    if (!items) return;
    this.items = items;
    if (!this.panel.hidden) this.seen = items.length;
    this.render();
    this.toSpeakerView(true);
  }

  /**
   * The questions not yet answered, in the speaker view too: Reveal's speaker window shows the current slide's
   * <aside class="notes">, so a note of their own follows the slide on screen (this page only: nothing published has
   * it). After a change, Reveal's "resumed" event makes the notes plugin send the notes again.
   */
  toSpeakerView(changed = false): void {
    const slide = document.querySelector<HTMLElement>('.reveal .slides section.present:not(.stack)');
    if (!slide) return;
    let aside = document.getElementById('follow-questions-notes');
    const open = this.items.filter((q) => q.state === 'new' && !q.mergedInto);
    if (!open.length) {
      aside?.remove();
    } else {
      aside ??= el('aside', { id: 'follow-questions-notes', class: 'notes' });
      aside.textContent = '';
      aside.append(el('h3', {}, `${say('follow.questionsTitle')} (${open.length})`));
      const list = el('ol');
      const picked = open.find((q) => q.picked);
      for (const q of [...(picked ? [picked] : []), ...open.filter((x) => x !== picked)]) {
        const time = new Date(q.at).toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });
        const meta = q.slide === null ? say('follow.questionAtStart', { time }) : say('follow.questionAt', { time, slide: q.slide });
        list.append(el('li', {}, `${q.picked ? `${say('follow.questionPicked')}: ` : ''}${q.text} (${meta}${q.name ? `, ${say('follow.questionFrom', { name: q.name })}` : ''})`));
      }
      aside.append(list);
      if (aside.parentElement !== slide) slide.append(aside);
    }
    if (changed) document.querySelector('.reveal')?.dispatchEvent(new Event('resumed'));
  }

  private act(id: string, action: QuestionActionName, into?: string): void {
    this.socket()?.send(questionActionMessage(id, action, into));
  }

  private renderButton(): void {
    const fresh = Math.max(0, this.items.filter((q) => q.state === 'new' && !q.mergedInto).length - 0);
    const unseen = this.items.length - this.seen;
    this.button.textContent = unseen > 0 ? `${say('follow.questionsButton')}: ${say('follow.questionsNew', { count: unseen })}` : `${say('follow.questionsButton')} (${fresh})`;
    this.button.classList.toggle('follow-attention', unseen > 0);
  }

  private render(): void {
    this.renderButton();
    this.list.textContent = '';
    const visible = this.items.filter((q) => q.state !== 'hidden');
    const picked = this.items.find((q) => q.picked);
    if (!this.items.length) this.list.append(el('li', { class: 'follow-none' }, say('follow.questionsNone')));
    // The moderator's pick first, then the rest in the order they came (newest last).
    const ordered = [...(picked ? [picked] : []), ...this.items.filter((q) => q !== picked)];
    for (const q of ordered) {
      const item = el('li', { class: `follow-question follow-${q.state}${q.picked ? ' follow-picked' : ''}`, 'data-question': q.id });
      const time = new Date(q.at).toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });
      const meta = q.slide === null ? say('follow.questionAtStart', { time }) : say('follow.questionAt', { time, slide: q.slide });
      if (q.picked) item.append(el('p', { class: 'follow-pick' }, say('follow.questionPicked')));
      item.append(el('p', { class: 'follow-question-text' }, q.text));
      item.append(el('p', { class: 'follow-meta' }, [meta, q.name ? say('follow.questionFrom', { name: q.name }) : '', q.state === 'answered' ? say('follow.questionDone') : '', q.state === 'hidden' ? say('follow.questionAway') : ''].filter(Boolean).join(' · ')));
      const buttons = el('div', { class: 'follow-buttons' });
      const button = (label: string, run: () => void) => {
        const b = el('button', { type: 'button', class: 'follow-small' }, label);
        b.setAttribute('aria-label', `${label}: ${q.text.slice(0, 80)}`);
        b.addEventListener('click', run);
        buttons.append(b);
      };
      button(say('follow.questionRead'), () => this.readAloud(q));
      if (q.state !== 'answered') button(say('follow.questionMarkDone'), () => this.act(q.id, 'answered'));
      if (q.state !== 'hidden') button(say('follow.questionHide'), () => this.act(q.id, 'hidden'));
      else button(say('follow.questionShow'), () => this.act(q.id, 'new'));
      if (this.role === 'moderator') {
        if (!q.picked && q.state === 'new') button(say('follow.questionPick'), () => this.act(q.id, 'pick'));
        const others = visible.filter((o) => o.id !== q.id && !o.mergedInto);
        if (others.length && !q.mergedInto) {
          const select = el('select', { 'aria-label': say('follow.questionSameAs') });
          for (const o of others) select.append(el('option', { value: o.id }, `${o.id}: ${o.text.slice(0, 40)}`));
          buttons.append(select);
          button(say('follow.questionJoin'), () => this.act(q.id, 'merge', select.value));
        }
      }
      item.append(buttons);
      this.list.append(item);
    }
  }

  /** The whole question in large type, to read it out; Escape or the button closes it. */
  private readAloud(q: QuestionItem): void {
    this.reader.textContent = '';
    const done = el('button', { type: 'button', class: 'follow-button' }, say('follow.readDone'));
    done.addEventListener('click', () => this.reader.close());
    this.reader.append(el('p', { id: 'reader-text', class: 'follow-reader-text' }, q.text), ...(q.name ? [el('p', { class: 'follow-meta' }, say('follow.questionFrom', { name: q.name }))] : []), done);
    this.reader.showModal();
    done.focus();
  }
}
