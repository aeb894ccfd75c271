package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The two real blob stores the contract tests run against. */
enum StoreKind {
    FILESYSTEM, S3;

    BlobStore open(Path directory) throws IOException {
        return this == FILESYSTEM ? new FileBlobStore(directory) : S3TestServer.newStore();
    }

    static List<Object[]> parameters() {
        return List.of(new Object[] {FILESYSTEM}, new Object[] {S3});
    }
}
