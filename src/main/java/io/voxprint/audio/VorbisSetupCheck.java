package io.voxprint.audio;

/**
 * Walks the codebooks of a Vorbis setup header before jorbis sees it. jorbis allocates every
 * codebook's tables from the sizes the header declares, and loops forever on a value-mapped book
 * of dimension 0; libvorbis refuses such headers first. The checks here are libvorbis's
 * ({@code vorbis_staticbook_unpack}: ilog(dim) + ilog(entries) <= 24, enough bits left for what
 * is declared), plus a total over all books, so that a few hundred forged bytes cannot ask for
 * gigabytes: real encoders use some tens of books of at most thousands of entries.
 */
final class VorbisSetupCheck {
    /** Sum of entries over all books; jorbis keeps several ints per entry. */
    static final long MAX_TOTAL_ENTRIES = 1L << 21;
    /** Sum of entries x dimension over value-mapped books (jorbis unquantises them to floats). */
    static final long MAX_TOTAL_VALUES = 1L << 22;

    private final byte[] data;
    private final int end;
    private long bit;

    private VorbisSetupCheck(byte[] data, int offset, int length) {
        this.data = data;
        this.bit = 8L * offset;
        this.end = offset + length;
    }

    /** Null when the codebooks can be handed to jorbis, else what is wrong with them. */
    static String problem(byte[] data, int offset, int length) {
        return new VorbisSetupCheck(data, offset, length).walk();
    }

    private String walk() {
        if (read(8) != 5 || read(8) != 'v' || read(8) != 'o' || read(8) != 'r' || read(8) != 'b' || read(8) != 'i'
                || read(8) != 's') {
            return null; // not a setup header: jorbis rejects it itself
        }
        int books = (int) read(8) + 1;
        long totalEntries = 0;
        long totalValues = 0;
        for (int b = 0; b < books; b++) {
            if (read(24) != 0x564342) {
                return "a codebook is out of sync";
            }
            long dim = read(16);
            long entries = read(24);
            if (entries < 0 || ilog(dim) + ilog(entries) > 24) {
                return "a codebook declares an impossible size";
            }
            totalEntries += entries;
            if (totalEntries > MAX_TOTAL_ENTRIES) {
                return "its codebooks declare more entries than any encoder writes";
            }
            String lengths = read(1) == 0 ? unorderedLengths(entries) : orderedLengths(entries);
            if (lengths != null) {
                return lengths;
            }
            long mapType = read(4);
            if (mapType == 0) {
                continue;
            }
            if (mapType != 1 && mapType != 2) {
                return "a codebook has an unknown value mapping";
            }
            if (dim == 0) {
                return "a value-mapped codebook has no dimensions";
            }
            read(32);
            read(32);
            long quantBits = read(4) + 1;
            if (read(1) < 0) {
                return "its setup header is truncated";
            }
            long quantValues = mapType == 1 ? mapType1Values(entries, dim) : entries * dim;
            totalValues += entries * dim;
            if (totalValues > MAX_TOTAL_VALUES) {
                return "its codebooks declare more values than any encoder writes";
            }
            if (quantValues * quantBits > bitsLeft()) {
                return "its setup header is truncated";
            }
            bit += quantValues * quantBits;
        }
        return null;
    }

    private String unorderedLengths(long entries) {
        boolean sparse = read(1) == 1;
        if (entries * (sparse ? 1 : 5) > bitsLeft()) {
            return "its setup header is truncated";
        }
        for (long i = 0; i < entries; i++) {
            if ((!sparse || read(1) == 1) && read(5) < 0) {
                return "its setup header is truncated";
            }
        }
        return null;
    }

    private String orderedLengths(long entries) {
        long length = read(5) + 1;
        for (long i = 0; i < entries; ) {
            long count = read(ilog(entries - i));
            if (count < 0 || count > entries - i || length > 32) {
                return "a codebook has invalid code lengths";
            }
            i += count;
            length++;
        }
        return null;
    }

    /** The largest v with v^dim <= entries (libvorbis's _book_maptype1_quantvals), without overflow. */
    private static long mapType1Values(long entries, long dim) {
        long v = (long) Math.floor(Math.pow(entries, 1.0 / dim));
        while (v > 0 && power(v, dim) > entries) {
            v--;
        }
        while (power(v + 1, dim) <= entries) {
            v++;
        }
        return v;
    }

    private static long power(long base, long exp) {
        long r = 1;
        for (long i = 0; i < exp; i++) {
            r *= base;
            if (r > (1L << 24)) {
                return Long.MAX_VALUE;
            }
        }
        return r;
    }

    private long bitsLeft() {
        return 8L * end - bit;
    }

    /** Reads {@code n} bits least significant first (Vorbis packing); -1 past the end. */
    private long read(int n) {
        if (n == 0) {
            return 0;
        }
        if (bit + n > 8L * end) {
            bit = 8L * end;
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++, bit++) {
            v |= (long) ((data[(int) (bit >> 3)] >> (bit & 7)) & 1) << i;
        }
        return v;
    }

    private static int ilog(long v) {
        return v <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(v);
    }
}
