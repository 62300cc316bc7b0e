import { Component, type ComponentChildren } from 'preact';
import { t } from '@/lib/i18n/t';

interface Props {
  children: ComponentChildren;
  /** Names the part in the console, for bug reports. */
  part: string;
}

/**
 * What a part of the UI shows when it cannot be drawn (a list item no check foresaw): a short notice in
 * its place, while everything around it stays. Never the item's own text: that may be what broke it.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(`Sanad: ${this.props.part} could not be shown:`, error);
  }

  override render() {
    return this.state.failed ? (
      <p class="sanad-unshowable" role="note" data-unshowable={this.props.part}>
        {t('partUnshowable')}
      </p>
    ) : (
      this.props.children
    );
  }
}
