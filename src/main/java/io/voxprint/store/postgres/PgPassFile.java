package io.voxprint.store.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libpq's password file: lines {@code hostname:port:database:username:password}, {@code *} matching
 * anything, {@code \:} and {@code \\} escaping, {@code #} starting a comment line, the first matching
 * line winning. As libpq does, a file that its group or others may read is ignored (with a warning in
 * the log), since a password there is not the user's alone.
 */
final class PgPassFile {

    private static final Logger log = LoggerFactory.getLogger(PgPassFile.class);

    private PgPassFile() {
    }

    static Optional<String> lookup(Path file, String host, int port, String database, String user) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                log.warn("Password file {} is ignored: its group or others may read it (chmod 0600 it)", file);
                return Optional.empty();
            }
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = fields(line);
                if (fields.size() < 5) {
                    continue;
                }
                if (matches(fields.get(0), host) && matches(fields.get(1), Integer.toString(port))
                        && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                    return Optional.of(fields.get(4));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Password file {} could not be read", file, e);
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return "*".equals(pattern) || pattern.equals(value);
    }

    /** Splits on unescaped colons; as in libpq, an unescaped colon after the password ends it. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (ch == ':') {
                out.add(field.toString());
                field.setLength(0);
                if (out.size() == 5) {
                    return out;
                }
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }
}
