package org.gongzhi.core.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The {@link BlobStore} contract, run against the filesystem and a real S3-compatible server (s3proxy). */
@RunWith(Parameterized.class)
public class BlobStoreContractTest {

    private static final String SHA = "ab" + "0123456789abcdef".repeat(3) + "0123456789abcd";

    @Parameters(name = "{0}")
    public static List<Object[]> stores() {
        return StoreKind.parameters();
    }

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final StoreKind kind;
    private BlobStore store;

    public BlobStoreContractTest(StoreKind kind) {
        this.kind = kind;
    }

    @Before
    public void open() throws IOException {
        store = kind.open(folder.newFolder("store").toPath());
    }

    @After
    public void close() {
        store.close();
    }

    @Test
    public void putOpenExistsDelete() throws IOException {
        String key = BlobKeys.key("district-a", SHA, "original");
        Path file = file("first".getBytes());
        assertThat(store.exists(key)).isFalse();
        assertThat(store.open(key)).isEmpty();

        assertThat(store.putIfAbsent(key, file, "image/jpeg")).isTrue();

        assertThat(store.exists(key)).isTrue();
        assertThat(read(key)).isEqualTo("first".getBytes());
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThat(store.open(key)).isEmpty();
        store.delete(key); // absent: nothing happens
    }

    @Test
    public void anExistingKeyIsNeverRewritten() throws IOException {
        String key = BlobKeys.key("district-a", SHA, "display");
        assertThat(store.putIfAbsent(key, file("first".getBytes()), "image/jpeg")).isTrue();
        assertThat(store.putIfAbsent(key, file("second".getBytes()), "image/jpeg")).isFalse();
        assertThat(read(key)).isEqualTo("first".getBytes());
    }

    @Test
    public void tenantsAreApart() throws IOException {
        store.putIfAbsent(BlobKeys.key("district-a", SHA, "original"), file("a".getBytes()), "image/png");
        assertThat(store.exists(BlobKeys.key("district-b", SHA, "original"))).isFalse();
    }

    @Test
    public void keysCannotEscape() {
        assertThatThrownBy(() -> BlobKeys.key("../etc", SHA, "original")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobKeys.key("District", SHA, "original")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobKeys.key("a", SHA, "original")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobKeys.key("district-a", "../../" + SHA.substring(6), "original"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobKeys.key("district-a", SHA.toUpperCase(), "original"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobKeys.key("district-a", SHA, "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(BlobKeys.key("district-a", SHA, "thumbnail")).isEqualTo("district-a/ab/" + SHA + "/thumbnail");
    }

    @Test
    public void largeBlobsRoundTrip() throws IOException {
        byte[] bytes = new byte[6 * 1024 * 1024 + 17];
        new java.util.Random(1).nextBytes(bytes);
        String key = BlobKeys.key("district-a", SHA, "original");
        store.putIfAbsent(key, file(bytes), "video/mp4");
        assertThat(read(key)).isEqualTo(bytes);
    }

    @Test
    public void concurrentWritersOfTheSameKeyLeaveOneWholeBlob() throws Exception {
        byte[] bytes = new byte[512 * 1024];
        new java.util.Random(2).nextBytes(bytes);
        Path file = file(bytes);
        String key = BlobKeys.key("district-a", SHA, "original");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writes.add(pool.submit((Callable<Boolean>) () -> store.putIfAbsent(key, file, "image/jpeg")));
            }
            for (Future<Boolean> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(read(key)).isEqualTo(bytes);
        if (kind == StoreKind.FILESYSTEM) {
            try (var files = Files.walk(folder.getRoot().toPath())) {
                assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
            }
        }
    }

    private byte[] read(String key) throws IOException {
        try (InputStream in = store.open(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    private Path file(byte[] bytes) throws IOException {
        Path file = folder.newFile().toPath();
        Files.write(file, bytes);
        return file;
    }
}
