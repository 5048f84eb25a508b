package io.voxprint.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * A process that applies {@link AllocatorTuning}, allocates and frees one block of {@link #BLOCK} bytes
 * through libc, and prints one line: how many bytes of mapped memory the allocation added (glibc maps a
 * block above its mmap threshold on its own) and how many free bytes the allocator kept after the free
 * (what it did not give back to the kernel). Both read from glibc's {@code mallinfo2}.
 */
public final class AllocatorChild {
    static final long BLOCK = 30L * 1024 * 1024;

    private AllocatorChild() {
    }

    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    private interface LibC extends Library {
        Pointer malloc(long size);

        void free(Pointer p);

        MallInfo2 mallinfo2();
    }

    public static void main(String[] args) {
        AllocatorTuning.apply();
        LibC libc = Native.load("c", LibC.class);
        long mappedBefore = libc.mallinfo2().hblkhd;
        Pointer block = libc.malloc(BLOCK);
        block.setMemory(0, BLOCK, (byte) 1); // touched, as a tensor's pages are
        long mapped = libc.mallinfo2().hblkhd - mappedBefore;
        libc.free(block);
        long keptFree = libc.mallinfo2().fordblks;
        System.out.println("RESULT " + mapped + " " + keptFree);
    }
}
