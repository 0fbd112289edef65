/** The shape every locale must fill: the English catalogue's keys, with any string values. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
