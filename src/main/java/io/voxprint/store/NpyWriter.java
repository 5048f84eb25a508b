package io.voxprint.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** NumPy .npy format 1.0 for a little-endian float32 matrix, the layout {@code numpy.load} reads. */
final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {
    }

    static void write(OutputStream out, List<float[]> rows, int dimension) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.size() + ", " + dimension + "), }";
        // magic (8) + length (2) + dict + padding + '\n' is a multiple of 64, as NumPy itself writes it
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        out.write(MAGIC);
        int length = header.length();
        out.write(length & 0xff);
        out.write((length >>> 8) & 0xff);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        for (float[] row : rows) {
            out.write(Floats.toBytes(row));
        }
    }
}
