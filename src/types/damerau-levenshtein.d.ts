/** damerau-levenshtein: edits between two strings, a transposition ("hlep") counting as one. */
declare module "damerau-levenshtein" {
  function distance(
    a: string,
    b: string,
    limit?: number,
  ): { steps: number; relative: number; similarity: number };
  export default distance;
}
