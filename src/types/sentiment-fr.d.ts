/** AFINN-fr-165: French words rated for valence, -5 to 5. */
declare module "sentiment-fr" {
  const valence: Record<string, number>;
  export default valence;
}
