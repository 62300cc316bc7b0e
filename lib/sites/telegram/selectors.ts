/**
 * Telegram Web selectors for both official clients: /k/ ("K", bubbles) and /a/ ("A", Message elements).
 * Both render the message id on the element and keep stable, human-written class names.
 */
export const TELEGRAM_SELECTORS = {
  post: [
    '.bubble[data-mid]:not(.service)', // K: a message bubble (service bubbles are dates and joins)
    '.Message[data-message-id]', // A
  ],
  text: ['.message', '.text-content'],
  // Inline time, views and reactions inside the text element are not the post's words.
  textNoise: '.time, .time-inner, .MessageMeta, .reactions, .post-views, .message-views, .message-time',
  // The time (and views) at the end of the text: K's placeholder span, A's meta.
  meta: ['.time', '.MessageMeta'],
  links: ['a.anchor-url[href]', 'a.text-entity-link[href]', '.webpage a[href]', '.WebPage a[href]'],
  video: ['video'],
  // Group senders are named on the bubble; in a channel the poster is the chat itself (the header's title).
  sender: ['.name .peer-title', '.message-title-name', '.sender-title'],
  // A forwarded post names its source in the same place: the source is not the poster.
  forwardHeader: '.forwarded-message > .message-title, .is-forward, .forward-title',
  chatTitle: ['.chat.active .topbar .peer-title', '.topbar .peer-title', '.MiddleHeader .fullName', '.ChatInfo .title h3'],
} as const;
