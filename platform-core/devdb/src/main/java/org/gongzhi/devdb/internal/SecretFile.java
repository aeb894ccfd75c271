package org.gongzhi.devdb.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * A generated password kept in a file that only its owner can read (mode 600, in a directory of mode 700).
 *
 * <p>The file holds one line: 43 characters of base64url (256 random bits), so it never needs quoting in SQL or
 * in a shell. {@link #readOrCreate()} keeps an existing secret and tightens the file's mode if someone widened it.
 */
final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private boolean created;

    SecretFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** True when the last {@link #readOrCreate()} generated the secret (the file did not exist). */
    boolean created() {
        return created;
    }

    /** The secret in the file; a new one is generated and written (atomically, mode 600) when the file is missing. */
    String readOrCreate() throws IOException {
        createPrivateDirectory(file.getParent());
        if (Files.exists(file)) {
            created = false;
            restrict(file, OWNER_ONLY_FILE);
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty() || secret.indexOf('\'') >= 0 || secret.indexOf('\n') >= 0) {
                throw new IOException("Secret file " + file + " is empty or holds more than one line;"
                        + " delete it to have a new secret generated");
            }
            return secret;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path tmp = POSIX
                ? Files.createTempFile(file.getParent(), ".secret-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(file.getParent(), ".secret-", ".tmp");
        try {
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        created = true;
        return secret;
    }

    static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            if (POSIX) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
        restrict(directory, OWNER_ONLY_DIRECTORY);
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(path).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }
}
