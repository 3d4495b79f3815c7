/** DOM helpers: elements, a live region, and a virtualised list that keyboard and screen reader users can use. */

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/** An element with attributes (`on…` functions become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, the same way. */
export function s(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children.flat(Infinity as 1) as (Node | string | number | null | undefined | false)[]) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let statusEl: HTMLElement | null = null;
/** Says something in the polite live region (loading, counts after a filter). */
export function announce(message: string): void {
  statusEl ??= document.getElementById('status');
  if (statusEl) statusEl.textContent = message;
}

/** A labelled form field. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('span', { class: 'hint' }, hint) : null);
}

/** A select with an "any" option and the given values (value, label). */
export function select(id: string, options: [string, string][], value: string | undefined, anyLabel = 'any'): HTMLSelectElement {
  const el = h('select', { id }, h('option', { value: '' }, anyLabel), options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
  return el;
}

export interface ListOptions {
  /** Accessible name of the list. */
  label: string;
  /** Height of one row in pixels (rows are one line, ellipsised). */
  rowHeight?: number;
  /** Fills the row element of item `i` (may be async: the row shows "…" until then). */
  render: (i: number, el: HTMLElement) => void | Promise<void>;
}

/**
 * A list that draws only the rows in view, so 2 million rows scroll like 20. It is a `role="list"` whose items
 * carry their position (`aria-posinset`/`aria-setsize`); one row at a time is in the tab order (roving tabindex),
 * ↑/↓, Page Up/Down, Home/End move between rows and Enter follows the row's link.
 */
export class VirtualList {
  readonly el: HTMLElement;
  private readonly inner: HTMLElement;
  private count = 0;
  private active = 0;
  private readonly rowHeight: number;
  private readonly shown = new Map<number, HTMLElement>();
  private frame = 0;
  constructor(private readonly opts: ListOptions) {
    this.rowHeight = opts.rowHeight ?? 32;
    this.inner = h('div', { class: 'vlist-inner' });
    this.el = h('div', { class: 'vlist', role: 'list', 'aria-label': opts.label }, this.inner);
    this.el.addEventListener('scroll', () => this.schedule());
    this.el.addEventListener('keydown', (e) => this.key(e));
    this.el.addEventListener('focusin', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-i]');
      if (row) this.active = Number(row.dataset['i']);
    });
    new ResizeObserver(() => this.schedule()).observe(this.el);
  }

  setCount(n: number, label?: string): void {
    this.count = n;
    if (label) this.el.setAttribute('aria-label', label);
    this.inner.style.height = `${n * this.rowHeight}px`;
    this.active = Math.min(this.active, Math.max(0, n - 1));
    this.refresh();
  }

  /** Draws the rows in view again (after the data behind them changed). */
  refresh(): void {
    for (const el of this.shown.values()) el.remove();
    this.shown.clear();
    this.draw();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const top = this.el.scrollTop;
    const height = this.el.clientHeight || 480;
    const first = Math.max(0, Math.floor(top / this.rowHeight) - 5);
    const last = Math.min(this.count, Math.ceil((top + height) / this.rowHeight) + 5);
    for (const [i, el] of this.shown) {
      if ((i < first || i >= last) && i !== this.active) {
        el.remove();
        this.shown.delete(i);
      }
    }
    for (let i = first; i < last; i++) if (!this.shown.has(i)) this.add(i);
    if (this.count > 0 && !this.shown.has(this.active)) this.add(this.active);
  }

  private add(i: number): void {
    const el = h('div', { class: 'vrow', role: 'listitem', 'data-i': i, 'aria-posinset': i + 1, 'aria-setsize': this.count });
    el.style.top = `${i * this.rowHeight}px`;
    el.style.height = `${this.rowHeight}px`;
    el.textContent = '…';
    el.tabIndex = -1; // holds the keyboard while its row is read, then hands it to the row's link
    this.shown.set(i, el);
    this.inner.append(el);
    const done = () => {
      this.tabbable(el, i === this.active);
      if (document.activeElement === el) el.querySelector<HTMLElement>('a, button')?.focus({ preventScroll: true });
    };
    const r = this.opts.render(i, el);
    if (r) r.then(done, (err: unknown) => (el.textContent = `(could not read this row: ${String(err)})`));
    else done();
  }

  private tabbable(el: HTMLElement, on: boolean): void {
    for (const a of el.querySelectorAll<HTMLElement>('a, button')) a.tabIndex = on ? 0 : -1;
  }

  private key(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.el.clientHeight / this.rowHeight) - 1);
    const to = { ArrowDown: this.active + 1, ArrowUp: this.active - 1, PageDown: this.active + page, PageUp: this.active - page, Home: 0, End: this.count - 1 }[e.key];
    if (to === undefined || this.count === 0) return;
    e.preventDefault();
    this.focus(Math.max(0, Math.min(this.count - 1, to)));
  }

  /** Moves the keyboard to row `i`, scrolling it into view. */
  focus(i: number): void {
    const prev = this.shown.get(this.active);
    if (prev) this.tabbable(prev, false);
    this.active = i;
    const y = i * this.rowHeight;
    if (y < this.el.scrollTop) this.el.scrollTop = y;
    else if (y + this.rowHeight > this.el.scrollTop + this.el.clientHeight) this.el.scrollTop = y + this.rowHeight - this.el.clientHeight;
    this.draw();
    const el = this.shown.get(i);
    if (el) {
      this.tabbable(el, true);
      (el.querySelector<HTMLElement>('a, button') ?? el).focus({ preventScroll: true });
    }
  }
}

/** A link to a view. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href }, ...children);
}

/** A short cut of a long text for a one-line row. */
export function cut(text: string, n = 160): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
