package io.voxprint.store;

/**
 * How an engine turns template bytes (embeddings and kept audio as float32 little-endian, photos as
 * image bytes) into what its tables hold, and back. Every engine calls it at the last moment before a
 * template reaches SQL and the first moment after one comes back, with the row's place; so a sealing
 * codec (see {@code io.voxprint.store.sealed}) keeps plaintext away from every database file, log
 * and server, on every engine alike. Validation happens on the plain value, before encoding.
 */
public interface TemplateCodec {

    /** Stores values as they are (a database whose user chose no protection). */
    TemplateCodec PLAIN = new TemplateCodec() {
        @Override
        public byte[] encode(TemplatePlace place, byte[] plain) {
            return plain;
        }

        @Override
        public byte[] decode(TemplatePlace place, byte[] stored) {
            return stored;
        }
    };

    byte[] encode(TemplatePlace place, byte[] plain);

    /** The plain bytes; throws a one-sentence exception when the value does not belong to {@code place}. */
    byte[] decode(TemplatePlace place, byte[] stored);
}
