/** X (Twitter) selectors, from the hydrated web app's DOM. data-testid first: X's class names are generated. */
export const X_SELECTORS = {
  post: ['article[data-testid="tweet"]'],
  text: ['[data-testid="tweetText"]'],
  // A quoted tweet sits inside the article as a link-like block with its own tweetText.
  quoted: ['div[role="link"]'],
  userName: ['[data-testid="User-Name"]'],
  // The post's <time> sits inside its permalink; the retweeter's header has no <time>.
  permalinkTime: ['a[href*="/status/"] time'],
  video: ['[data-testid="videoComponent"] video', '[data-testid="videoPlayer"] video'],
  photo: ['[data-testid="tweetPhoto"] img'],
  card: ['[data-testid="card.wrapper"] a[href]'],
} as const;
