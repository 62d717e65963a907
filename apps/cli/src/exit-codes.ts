/** Exit codes of the datagen command: 130 is 128 + SIGINT, as shells report a Ctrl-C. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;
