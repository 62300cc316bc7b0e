/** The list length below which background documents fill in a list's term statistics (background.ts); its
 * own module so that the generator of the background table reads it without needing the table. */
export const BACKGROUND_LIST = 1_000;
