import type { Message } from '../core/messages';

/** Translates an English template and fills `{0}`…; injected so features and tests need no l10n setup. */
export type Localize = (template: string, ...args: (string | number)[]) => string;

export function localizeMessage(t: Localize, message: Message): string {
  return t(message.template, ...message.args);
}

/** Strings the features show besides the rules' messages. */
export const SERVICE_MESSAGES = {
  chars: '{0} chars',
} as const;
