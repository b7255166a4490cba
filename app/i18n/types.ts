/** A domain's English copy: exactly the keys of its Spanish file, each a string. */
export type Translation<Spanish> = Record<keyof Spanish, string>;

/** Compiles only when `Keys` is empty: used to reject keys that English has and Spanish lacks. */
export type NoExtraKeys<Keys extends never> = Keys;
