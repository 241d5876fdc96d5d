// Discord platform limits (developer docs; a request breaking one fails with 50035 Invalid Form Body).
// Lengths are checked in UTF-16 code units (String#length): never fewer than Discord's count, so a
// payload that passes here passes there.

/** Embed title. */
export const EMBED_TITLE_MAX = 256;
/** Embed description. */
export const EMBED_DESCRIPTION_MAX = 4096;
/** Fields per embed. */
export const EMBED_FIELDS_MAX = 25;
/** Embed field name (must also be non-empty). */
export const EMBED_FIELD_NAME_MAX = 256;
/** Embed field value (must also be non-empty). */
export const EMBED_FIELD_VALUE_MAX = 1024;
/** Embed footer text. */
export const EMBED_FOOTER_MAX = 2048;
/** Embed url (the title's link). */
export const EMBED_URL_MAX = 2048;
/** Embed author name. */
export const EMBED_AUTHOR_NAME_MAX = 256;
/** Title + description + field names/values + footer + author, summed over all embeds of one message. */
export const EMBED_TOTAL_MAX = 6000;
/** Embeds per message. */
export const EMBEDS_PER_MESSAGE_MAX = 10;
/** Plain message content. */
export const MESSAGE_CONTENT_MAX = 2000;
/** Attached files per message. */
export const ATTACHMENTS_PER_MESSAGE_MAX = 10;

/** Choices in one autocomplete response. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
/** Shortest autocomplete choice name. */
export const CHOICE_NAME_MIN = 1;
/** Longest autocomplete choice name. */
export const CHOICE_NAME_MAX = 100;
/** Longest string value of an autocomplete choice. */
export const CHOICE_VALUE_MAX = 100;

/** Shortest component custom_id. */
export const CUSTOM_ID_MIN = 1;
/** Longest component custom_id. */
export const CUSTOM_ID_MAX = 100;
/** Button label. */
export const BUTTON_LABEL_MAX = 80;
/** Buttons in one action row. */
export const BUTTONS_PER_ROW_MAX = 5;
/** Action rows per message (classic components). */
export const ACTION_ROWS_MAX = 5;
/** Options in one select menu. */
export const SELECT_OPTIONS_MAX = 25;
/** Select menu placeholder. */
export const SELECT_PLACEHOLDER_MAX = 150;
/** Select option label, value and description. */
export const SELECT_OPTION_TEXT_MAX = 100;

/** Command and option description. */
export const COMMAND_DESCRIPTION_MAX = 100;
/** Command and option name. */
export const COMMAND_NAME_MAX = 32;

/** Time to send the first response (reply, defer or autocomplete result) after an interaction. */
export const FIRST_RESPONSE_MS = 3_000;
/** Lifetime of an interaction token for editReply / followUp after the first response. */
export const INTERACTION_TOKEN_TTL_MS = 15 * 60 * 1000;
