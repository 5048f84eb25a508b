package io.voxprint.scoring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader of NumPy .npy files holding a C-ordered little-endian float32 ('&lt;f4') 2-D array, format
 * versions 1.0 (2-byte header length) and 2.0/3.0 (4-byte header length).
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    public static NpyMatrix read(Path file) {
        return read(file, Integer.MAX_VALUE);
    }

    /** Reads at most maxRows rows (the first ones), without loading the rest. */
    public static NpyMatrix read(Path file, int maxRows) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer pre = readFully(ch, 10, file);
            byte[] magic = new byte[6];
            pre.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new ScoringException("The file " + file.getFileName() + " is not a NumPy .npy file.");
            }
            int major = pre.get() & 0xff;
            pre.get();
            int headerLen;
            if (major == 1) {
                headerLen = pre.order(ByteOrder.LITTLE_ENDIAN).getShort(8) & 0xffff;
            } else if (major == 2 || major == 3) {
                ByteBuffer more = readFully(ch, 2, file);
                ByteBuffer four = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                four.put(pre.array(), 8, 2).put(more.array(), 0, 2).flip();
                headerLen = four.getInt();
            } else {
                throw new ScoringException("The file " + file.getFileName() + " uses .npy format version " + major
                        + ", which is not supported.");
            }
            // The header length is a claim: read it only when the file really holds that many bytes.
            if (headerLen < 0 || headerLen > ch.size() - ch.position()) {
                throw new ScoringException("The file " + file.getFileName() + " ended before its header was complete.");
            }
            String header = new String(readFully(ch, headerLen, file).array(), StandardCharsets.ISO_8859_1);
            String descr = group(DESCR, header, file);
            if (!descr.equals("<f4")) {
                // echo the type only when it reads as one: the header may hold anything, line breaks included
                String type = descr.length() <= 16 && descr.chars().allMatch(c -> c >= 0x20 && c < 0x7F)
                        ? "'" + descr + "' values" : "values of an unknown type";
                throw new ScoringException("The file " + file.getFileName() + " holds " + type
                        + "; a cohort file must hold little-endian float32 ('<f4').");
            }
            if (group(FORTRAN, header, file).equals("True")) {
                throw new ScoringException("The file " + file.getFileName()
                        + " is in Fortran order; save it with numpy.ascontiguousarray first.");
            }
            String[] dims = group(SHAPE, header, file).split(",");
            if (dims.length < 2 || dims.length > 3 || (dims.length == 3 && !dims[2].isBlank())) {
                throw new ScoringException("The file " + file.getFileName() + " does not hold a 2-D array (rows of embeddings).");
            }
            long rows = Long.parseLong(dims[0].trim());
            long cols = Long.parseLong(dims[1].trim());
            if (rows < 0 || cols < 0) {
                throw new ScoringException("The file " + file.getFileName() + " has an unreadable array shape.");
            }
            long take = Math.min(rows, maxRows);
            if (cols <= 0 || rows > Long.MAX_VALUE / 4 / cols || take * cols > Integer.MAX_VALUE - 8) {
                throw new ScoringException("The file " + file.getFileName() + " has a shape (" + rows + ", " + cols
                        + ") that cannot be loaded.");
            }
            long dataStart = ch.position();
            if (ch.size() < dataStart + rows * cols * 4) {
                throw new ScoringException("The file " + file.getFileName() + " is shorter than its header says.");
            }
            float[] data = new float[(int) (take * cols)];
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
            int filled = 0;
            while (filled < data.length) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), (long) (data.length - filled) * 4));
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) {
                        throw new ScoringException("The file " + file.getFileName() + " ended early.");
                    }
                }
                buf.flip();
                int n = buf.remaining() / 4;
                buf.asFloatBuffer().get(data, filled, n);
                filled += n;
            }
            return new NpyMatrix((int) take, (int) cols, data);
        } catch (NoSuchFileException e) {
            throw new ScoringException("The file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new ScoringException("The file " + file + " could not be read"
                    + (e instanceof java.nio.file.AccessDeniedException ? ": permission denied." : "."), e);
        } catch (NumberFormatException e) {
            throw new ScoringException("The file " + file.getFileName() + " has an unreadable array shape.", e);
        }
    }

    private static String group(Pattern p, String header, Path file) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new ScoringException("The file " + file.getFileName() + " has an incomplete .npy header.");
        }
        return m.group(1);
    }

    private static ByteBuffer readFully(FileChannel ch, int n, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new ScoringException("The file " + file.getFileName() + " ended before its header was complete.");
            }
        }
        b.flip();
        return b;
    }

    static boolean looksLikeNpy(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(6), MAGIC);
        }
    }
}
