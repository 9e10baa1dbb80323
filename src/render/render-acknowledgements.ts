// Thanks: who invited the talk, the "team", and the named helpers and book; a long list of helpers continues over
// as many slides as it needs.
import type { TalkModel } from '../data/load-data.ts';
import { html, type Raw } from '../html/escape.ts';
import { markdownBlock, markdownInline } from '../markdown/render-markdown.ts';
import { CONTENT_WIDTH, textHeight } from '../layout/fit.ts';
import type { Slide } from '../layout/slide.ts';
import { listSlides } from './list-slides.ts';
import { lowerFirst } from './words.ts';

type Helper = TalkModel['people']['helpers'][number];

/** List items at 40 px (deck.css: `.reveal .thanks`, which the thanks slides' class also takes), after the bullet's indent, with their margin. */
const ITEM_PX = 40;
const ITEM_WIDTH = CONTENT_WIDTH - 52;
// Counted as bold throughout: each line starts with a name in bold, and a short line has room to spare anyway.
const itemHeight = (text: string) => textHeight(text, ITEM_PX, ITEM_WIDTH, { bold: true }) + 18;

export function renderAcknowledgements(model: TalkModel): Slide[] {
  const { people, words: w } = model;
  const invitedBy = people.invitedBy;
  const team = people.team;
  const hosts = invitedBy ? w.list(invitedBy.people.map((p) => p.name)) : '';
  const organisation = invitedBy?.organisation ?? '';
  const summary = team ? lowerFirst(team.summary, w) : '';
  // What the talk calls the team ("“team”", "family"): its own word, else the deck's.
  const name = team?.name ?? w.text('thanks.teamWord');
  // Only what the talk has: no invitation, no team, no helpers each leave their line (or slide) out.
  const firstItems = [...(invitedBy ? (['invited'] as const) : []), ...(team ? (['team'] as const) : [])];
  const thanks = !firstItems.length ? [] : listSlides({
    id: 'thanks',
    title: w.text('thanks.title'),
    kind: 'thanks',
    weight: 1,
    words: w,
    margin: 18,
    items: firstItems,
    where: (item) => (item === 'invited' ? { source: 'people', path: ['invitedBy'] } : { source: 'people', path: ['team', 'summary'] }),
    height: (item) =>
      item === 'invited'
        ? itemHeight(w.text('thanks.invited', { hosts, organisation }))
        : itemHeight(w.text('thanks.team', { name, summary })),
    list: (items) =>
      html`<ul>
${items.map((item) =>
  item === 'invited'
    ? html`<li>${w.html('thanks.invited', { hosts, organisation })}</li>\n`
    : html`<li>${w.html('thanks.team', { name, summary: markdownInline(summary) })}</li>\n`,
)}</ul>`,
    notes: (items) =>
      markdownBlock(
        items
          .map((item) =>
            item === 'invited'
              ? w.text('thanks.notesInvited', { hosts, organisation })
              : w.text('thanks.notesTeam', { name, summary, didWhat: w.list(team?.didWhat ?? []) }),
          )
          .join(' '),
      ),
  });

  const helperLine = (h: Helper) => helperMessage(h, model);
  const special = !people.helpers.length ? [] : listSlides({
    id: 'special-thanks',
    title: w.text('thanks.specialTitle'),
    kind: 'thanks',
    weight: 1,
    words: w,
    margin: 18,
    items: people.helpers,
    where: (_h, i) => ({ source: 'people', path: ['helpers', i] }),
    height: (h) => {
      const { key, plain } = helperLine(h);
      return itemHeight(w.text(key, plain));
    },
    list: (items) => html`<ul>
${items.map((h) => {
  const { key, values } = helperLine(h);
  return html`<li>${w.html(key, values)}</li>\n`;
})}</ul>`,
    notes: (items, page, pages) => {
      const book = people.book;
      const author = book && items.find((h) => h.id === book.author);
      const lines = items.map((h) => {
        const name = named(h);
        const what = h.thanksFor ?? w.text('thanks.defaultFor');
        return h.about ? w.text('thanks.notesHelperAbout', { name, about: h.about, what }) : w.text('thanks.notesHelper', { name, what });
      });
      if (book && author) lines.push(w.text('thanks.notesBook', { book: `*${book.titles.join('; ')}*` }));
      if (page === pages - 1 && people.groups.length) {
        lines.push(w.text('thanks.notesGroups', { groups: w.list(people.groups.map((g) =>
              g.kind ? w.text('thanks.group', { name: g.name, platform: g.platform, kind: g.kind }) : w.text('thanks.groupNoKind', { name: g.name, platform: g.platform }),
            )) }));
      }
      return markdownBlock(lines.join(' '));
    },
  });
  return [...thanks, ...special];
}

const named = (p: Helper) => (p.credential ? `${p.name}, ${p.credential}` : p.name);

/** The message for one helper's line, and what fills it: with or without "about", with or without the book. */
function helperMessage(
  h: Helper,
  { people, words: w }: TalkModel,
): { key: string; values: Record<string, string | Raw>; plain: Record<string, string> } {
  const book = people.book && people.book.author === h.id ? people.book.titles.join('; ') : undefined;
  const what = h.thanksFor ?? w.text('thanks.defaultFor');
  const plain: Record<string, string> = { name: named(h), what };
  if (h.about) plain.about = h.about;
  if (book) plain.book = book;
  const key = `thanks.helper${h.about ? 'About' : ''}${book ? 'Book' : ''}`;
  return { key, values: { ...plain, what: markdownInline(what) }, plain };
}
