/**
 * Frame sizes shared by the page (which captures video frames), the background (which checks and hashes
 * them) and the hashing code. A module of its own with no imports, so content scripts take the number
 * without the hashing code.
 */

/** Frames are hashed at most this many pixels on their long side, so pages capture them no larger. */
export const FRAME_DIMENSION = 256;

/** The longest side the background accepts for a frame sent by a page (headroom over FRAME_DIMENSION). */
export const MAX_FRAME_SIDE = 1_024;
