package io.voxprint.store.jdbc;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A set of speaker ids sized for a load of a million speakers: a bit per id for the ids a sequence
 * hands out (dense, from 1), boxed only beyond that.
 */
final class SpeakerIdSet {
    /** Ids below this take a bit (8 MB at most); a sequence moved far ahead costs boxes, not a huge bit set. */
    static final long BITS = 1L << 26;

    private final BitSet small = new BitSet();
    private final Set<Long> large = new HashSet<>();

    boolean contains(long id) {
        return isSmall(id) ? small.get((int) id) : large.contains(id);
    }

    void add(long id) {
        if (isSmall(id)) {
            small.set((int) id);
        } else {
            large.add(id);
        }
    }

    /** The ids held: the small ones ascending, then the others. */
    long[] toArray() {
        long[] out = new long[small.cardinality() + large.size()];
        int i = 0;
        for (int id = small.nextSetBit(0); id >= 0; id = small.nextSetBit(id + 1)) {
            out[i++] = id;
        }
        for (long id : large) {
            out[i++] = id;
        }
        return out;
    }

    private static boolean isSmall(long id) {
        return id >= 0 && id < BITS;
    }
}
