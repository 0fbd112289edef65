import type { EnglishMessages } from './en';

/** The shape every locale must fill: the English catalogue's keys, with any string values. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/**
 * What a translated catalogue must be: exactly the English keys, each a string. Annotating a
 * catalogue with it makes a missing key and an extra key (a misspelt one) type errors.
 */
export type Catalogue = Messages<EnglishMessages>;

/** A catalogue's raw shape: sections that hold strings or further sections. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}
