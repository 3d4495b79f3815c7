/** What a view is given and what it gives back. */
import type { Release } from './data.ts';
import type { Model } from './model.ts';
import type { Route } from './route.ts';

export interface Ctx {
  rel: Release;
  model: Model;
  /** The public profile: no article text in this release. */
  isPublic: boolean;
  /** Goes to a route; `replace` keeps one history entry (while typing in a filter). */
  navigate(route: Route | { view: Route['view']; id?: string | null; params?: Record<string, string | null | undefined> }, replace?: boolean): void;
  /** Marks that a view has drawn what it was asked (tests and timings wait for it). */
  ready(name: string): void;
}

export interface View {
  el: HTMLElement;
  title: string;
  /** Resolves when everything the view reads has been shown. */
  loaded?: Promise<void>;
  /** Applies new parameters in place (same view and id); without it the view is drawn anew. */
  update?(route: Route): Promise<void> | void;
}
