/** "1 draft", "2 drafts", "1,200 drafts". */
export const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** French counts zero and one in the singular: "0 brouillon", "1 brouillon", "2 brouillons". */
export const pluriel = (n: number, one: string, many: string) =>
  `${n.toLocaleString("fr")} ${n > 1 ? many : one}`;
