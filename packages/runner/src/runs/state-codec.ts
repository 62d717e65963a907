import { Deserializer, Serializer } from 'node:v8';

/**
 * A checkpoint's engine state as bytes: V8's structured serialization, with
 * typed arrays written as V8 itself writes them (node:v8's `serialize` writes
 * them as views into the one input buffer when read back, so transferring
 * one to a worker thread would detach all the others).
 *
 * @example
 * ```ts
 * const bytes = encodeState(engine.snapshot());
 * engine.restore(decodeState(bytes) as EngineSnapshot);
 * ```
 */
export function encodeState(value: unknown): Uint8Array {
  const serializer = new Serializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

/** Reads {@link encodeState}'s bytes back; every typed array gets its own memory. */
export function decodeState(bytes: Uint8Array): unknown {
  const deserializer = new Deserializer(bytes);
  deserializer.readHeader();
  return deserializer.readValue();
}
