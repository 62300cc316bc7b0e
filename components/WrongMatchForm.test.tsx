// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '@/tests/unit/support/i18n';
import { WrongMatchForm } from './WrongMatchForm';

afterEach(cleanup);

/** happy-dom marks every event it dispatches untrusted; the reader's own input is trusted. */
function readerEvent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const readerClick = (el: Element) => el.dispatchEvent(readerEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));
const readerCheck = (input: HTMLInputElement) => {
  input.checked = true;
  input.dispatchEvent(readerEvent(new Event('change', { bubbles: true })));
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('WrongMatchForm', () => {
  it('asks for a reason (none chosen) and reports the choice', async () => {
    useLocale('en');
    const onReport = vi.fn(async () => {});
    const { container } = render(<WrongMatchForm onReport={onReport} />);
    readerClick(container.querySelector('.sanad-report-open')!);
    await settle();
    const confirm = container.querySelector<HTMLButtonElement>('.sanad-report-confirm')!;
    expect(container.querySelectorAll('input[type="radio"]:checked')).toHaveLength(0);
    expect(confirm.disabled).toBe(true);

    readerCheck(container.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!);
    await settle();
    expect(confirm.disabled).toBe(false);
    readerClick(confirm);
    await settle();
    expect(onReport).toHaveBeenCalledWith({ reason: 'refutes' });
  });

  it('ignores synthetic clicks and changes (a page’s script), and shows a failure in words', async () => {
    useLocale('en');
    const onReport = vi.fn(async () => {
      throw new Error('the tab closed');
    });
    const { container } = render(<WrongMatchForm onReport={onReport} />);
    (container.querySelector('.sanad-report-open') as HTMLElement).click();
    await settle();
    expect(container.querySelector('form')).toBeNull();

    readerClick(container.querySelector('.sanad-report-open')!);
    await settle();
    const radio = container.querySelector<HTMLInputElement>('input[type="radio"]')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true })); // untrusted
    await settle();
    expect(container.querySelector<HTMLButtonElement>('.sanad-report-confirm')!.disabled).toBe(true);

    readerCheck(radio);
    await settle();
    readerClick(container.querySelector('.sanad-report-confirm')!);
    await settle();
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Could not save the report: the tab closed');
  });

  it('offers "Also tell <desk>" only for a desk that takes reports, unticked, saying what goes; ticked, the report says so', async () => {
    useLocale('en');
    const onReport = vi.fn(async () => {});
    const { container, rerender } = render(<WrongMatchForm onReport={onReport} startOpen />);
    expect(container.querySelector('.sanad-report-desk')).toBeNull();

    rerender(<WrongMatchForm onReport={onReport} startOpen desk="Test desk" />);
    await settle();
    const box = container.querySelector<HTMLInputElement>('.sanad-report-desk input[type="checkbox"]')!;
    expect(box.checked).toBe(false);
    expect(container.querySelector('.sanad-report-desk label')?.textContent).toBe(' Also tell Test desk');
    expect(container.querySelector('.sanad-report-desk-what')?.textContent).toBe(
      'Sends Test desk only the fact-check’s id, your reason and this post’s address. Nothing about you.',
    );
    readerCheck(container.querySelectorAll<HTMLInputElement>('input[type="radio"]')[0]!);
    await settle();
    // A page's script cannot tick it.
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    readerClick(container.querySelector('.sanad-report-confirm')!);
    await settle();
    expect(onReport).toHaveBeenLastCalledWith({ reason: 'not-repeated' });
  });

  it('sends a ticked report as one for the desk too, in Arabic as in English', async () => {
    useLocale('ar');
    const onReport = vi.fn(async () => {});
    const { container } = render(<WrongMatchForm onReport={onReport} startOpen desk="مسبار" />);
    expect(container.querySelector('.sanad-report-desk label')?.textContent).toBe(' أبلِغ مسبار أيضًا');
    readerCheck(container.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!);
    readerCheck(container.querySelector<HTMLInputElement>('.sanad-report-desk input')!);
    await settle();
    readerClick(container.querySelector('.sanad-report-confirm')!);
    await settle();
    expect(onReport).toHaveBeenCalledWith({ reason: 'refutes', tellDesk: true });
  });
});
