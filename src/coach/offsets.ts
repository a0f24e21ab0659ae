/**
 * The coach reads drafts in NFC, where "é" is one character, so that its lexicons match however the
 * draft was typed (text pasted from macOS is often decomposed: "e" and a combining accent). Offsets
 * it reports must still index the draft as given: this maps offsets in the NFC text back to it.
 */
export interface Normalized {
  text: string;
  /** The draft offset of an offset in `text`; an end offset keeps a composed character whole. */
  toDraft: (offset: number, isEnd: boolean) => number;
}

const IDENTITY = (offset: number) => offset;

// A character and the combining marks after it: NFC composes within such a run.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

export function normalizeDraft(draft: string): Normalized {
  const text = draft.normalize("NFC");
  if (text === draft) return { text, toDraft: IDENTITY };
  // For each offset of the NFC text, where its cluster starts and ends in the draft.
  const starts = new Int32Array(text.length + 1);
  const ends = new Int32Array(text.length + 1);
  let out = "";
  CLUSTER.lastIndex = 0;
  for (let m = CLUSTER.exec(draft); m !== null; m = CLUSTER.exec(draft)) {
    const composed = m[0].normalize("NFC");
    const from = out.length;
    out += composed;
    if (out.length > text.length) break;
    for (let k = from; k < out.length; k++) {
      starts[k] = m.index;
      ends[k] = m.index + m[0].length;
    }
  }
  // NFC composes across clusters only in rare scripts (Hangul jamo): offsets then stay in NFC.
  if (out !== text) return { text, toDraft: IDENTITY };
  starts[text.length] = draft.length;
  ends[text.length] = draft.length;
  return {
    text,
    toDraft: (offset, isEnd) => {
      if (!isEnd || offset === 0) return starts[offset]!;
      // An end offset falls after the cluster of the character before it.
      return ends[offset - 1]!;
    },
  };
}
