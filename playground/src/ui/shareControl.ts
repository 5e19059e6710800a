/**
 * The Share button: the link (plan, data choice, through, policy, and after a run the tab,
 * partner and period looked at) goes into the address bar and the clipboard, and a popover shows
 * it. Escape or Close shuts the popover and gives the focus back to the button.
 */
import { decodeShare, encodeShare, isShareHash, type DecodedShare, type SharedState, type SharedView } from "../share/shareLink.ts";
import { sharePopover } from "../share/sharePopover.ts";
import { replaceChildren } from "../dom.ts";

export type ViewState = SharedView;

export class ShareControl {
  static isShareHash(hash: string): boolean {
    return isShareHash(hash);
  }

  constructor(
    private readonly host: HTMLElement,
    private readonly button: HTMLElement,
  ) {}

  decode(hash: string): Promise<DecodedShare> {
    return decodeShare(hash);
  }

  async share(state: SharedState, ownFile: boolean): Promise<void> {
    const hash = await encodeShare(state);
    history.replaceState(null, "", `#${hash}`);
    let copied = false;
    try {
      await navigator.clipboard.writeText(location.href);
      copied = true;
    } catch {
      copied = false; // no clipboard permission (e.g. an insecure origin): the field is selected instead
    }
    const note = ownFile ? "Your own data file is not part of the link: whoever opens it gets the tiny sample." : null;
    replaceChildren(
      this.host,
      sharePopover(location.href, copied, note, () => {
        replaceChildren(this.host);
        this.button.focus();
      }),
    );
  }
}
