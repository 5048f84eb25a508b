import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Moves native libraries out of a jar at build time, so that the installed application loads them
 * from its own read-only folder instead of unpacking them into the user's home or /tmp at run time.
 *
 * <pre>
 * java NativeSplitter [--optional] IN.jar OUT.jar|- DEST_DIR EXTRACT_REGEX [DROP_REGEX]
 * </pre>
 * Entries whose names match EXTRACT_REGEX are written flat (file name only) into DEST_DIR. The copy
 * OUT.jar keeps every entry except those matching DROP_REGEX (default: EXTRACT_REGEX); "-" writes no
 * copy. Fails when nothing matched EXTRACT_REGEX, so a renamed resource in a new library version
 * stops the build instead of silently shipping a library that unpacks itself again; --optional
 * allows that for jars that may carry no native code.
 */
public final class NativeSplitter {
    public static void main(String[] arguments) throws IOException {
        boolean optional = arguments.length > 0 && "--optional".equals(arguments[0]);
        String[] args = optional ? java.util.Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: NativeSplitter [--optional] IN.jar OUT.jar|- DEST_DIR EXTRACT_REGEX [DROP_REGEX]");
            System.exit(2);
        }
        Path in = Paths.get(args[0]);
        Path out = "-".equals(args[1]) ? null : Paths.get(args[1]);
        Path dest = Paths.get(args[2]);
        Pattern extract = Pattern.compile(args[3]);
        Pattern drop = Pattern.compile(args.length == 5 ? args[4] : args[3]);
        Files.createDirectories(dest);
        int extracted = 0;
        try (ZipFile zip = new ZipFile(in.toFile());
             ZipOutputStream copy = out == null ? null : new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && extract.matcher(name).matches()) {
                    Path target = dest.resolve(name.substring(name.lastIndexOf('/') + 1));
                    try (InputStream is = zip.getInputStream(entry)) {
                        Files.copy(is, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    extracted++;
                }
                if (copy != null && !drop.matcher(name).matches()) {
                    ZipEntry kept = new ZipEntry(name);
                    kept.setTime(entry.getTime());
                    copy.putNextEntry(kept);
                    try (InputStream is = zip.getInputStream(entry)) {
                        is.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
        }
        if (extracted == 0 && !optional) {
            System.err.println("NativeSplitter: nothing in " + in + " matches " + extract.pattern());
            System.exit(1);
        }
        System.out.println("NativeSplitter: " + extracted + " file(s) from " + in.getFileName() + " -> " + dest);
    }

    private NativeSplitter() {
    }
}
