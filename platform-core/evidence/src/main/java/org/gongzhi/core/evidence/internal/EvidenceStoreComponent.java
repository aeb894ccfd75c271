package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TimeZone;

import org.gongzhi.core.evidence.EvidenceRejectedException;
import org.gongzhi.core.evidence.EvidenceStore;
import org.gongzhi.core.evidence.Rendition;
import org.gongzhi.core.evidence.StoredEvidence;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EvidenceStore} service (PID {@code org.gongzhi.evidence}). Without configuration it stores on the
 * filesystem under {@code ${gongzhi.home}/evidence}, or {@code ${karaf.data}/evidence} when the platform has no home
 * property. A configuration change re-creates the component (and with it the S3 client).
 */
@Component(service = EvidenceStore.class, configurationPid = EvidenceStoreComponent.PID)
@Designate(ocd = EvidenceStoreComponent.Config.class)
public final class EvidenceStoreComponent implements EvidenceStore {

    static final String PID = "org.gongzhi.evidence";

    @ObjectClassDefinition(name = "Gongzhi evidence store",
            description = "Photos, videos and PDFs on cases: where they are stored and how large they may be")
    public @interface Config {
        @AttributeDefinition(description = "Where the bytes live", options = {
                @Option(value = "filesystem", label = "Filesystem"),
                @Option(value = "s3", label = "S3-compatible object storage")})
        String store() default "filesystem";

        @AttributeDefinition(description = "Filesystem store directory; default ${gongzhi.home}/evidence, "
                + "else ${karaf.data}/evidence")
        String directory() default "";

        @AttributeDefinition(description = "S3 endpoint, e.g. http://minio:9000; empty = AWS S3 of the region")
        String s3Endpoint() default "";

        @AttributeDefinition(description = "S3 region (most S3-compatible servers accept any)")
        String s3Region() default "us-east-1";

        @AttributeDefinition(description = "S3 bucket, created when missing")
        String s3Bucket() default "gongzhi-evidence";

        @AttributeDefinition(description = "S3 access key; empty = the SDK's default credentials chain")
        String s3AccessKey() default "";

        @AttributeDefinition(description = "S3 secret key", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String s3SecretKey() default "";

        @AttributeDefinition(description = "Path-style addressing (http://host/bucket/key), as MinIO and most "
                + "S3-compatible servers need")
        boolean s3PathStyle() default true;

        @AttributeDefinition(description = "Largest photo in MB")
        int photoMaxMegabytes() default 20;

        @AttributeDefinition(description = "Largest video in MB")
        int videoMaxMegabytes() default 100;

        @AttributeDefinition(description = "Largest document (PDF) in MB")
        int documentMaxMegabytes() default 20;

        @AttributeDefinition(description = "Largest photo in pixels (width × height), against decompression bombs")
        long maxPixels() default 100_000_000L;

        @AttributeDefinition(description = "Photos decoded at the same time; 0 = number of processors")
        int decodeConcurrency() default 0;

        @AttributeDefinition(description = "Time zone of EXIF capture times that carry no offset")
        String exifTimeZone() default "Asia/Shanghai";
    }

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceStoreComponent.class);

    private final ImageIoPlugins plugins;
    private final BlobStore blobs;
    private final BlobEvidenceStore store;

    @Activate
    public EvidenceStoreComponent(Config config) throws IOException {
        Path directory = config.directory().isBlank() ? defaultDirectory() : Path.of(config.directory());
        BlobEvidenceStore.Limits limits = new BlobEvidenceStore.Limits(
                (long) config.photoMaxMegabytes() << 20, (long) config.videoMaxMegabytes() << 20,
                (long) config.documentMaxMegabytes() << 20, config.maxPixels(),
                config.decodeConcurrency() > 0 ? config.decodeConcurrency() : Runtime.getRuntime().availableProcessors(),
                TimeZone.getTimeZone(config.exifTimeZone()));
        this.plugins = new ImageIoPlugins();
        try {
            this.blobs = switch (config.store()) {
                case "s3" -> new S3BlobStore(new S3BlobStore.Settings(
                        config.s3Endpoint().isBlank() ? null : URI.create(config.s3Endpoint()), config.s3Region(),
                        config.s3Bucket(), config.s3AccessKey(), config.s3SecretKey(), config.s3PathStyle()));
                case "filesystem" -> new FileBlobStore(directory);
                default -> throw new IllegalArgumentException("store must be filesystem or s3, not " + config.store());
            };
            Path incoming = "s3".equals(config.store())
                    ? Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")), "evidence-incoming")
                    : directory.resolve(".incoming");
            clean(incoming);
            this.store = new BlobEvidenceStore(blobs, limits, incoming, plugins);
        } catch (IOException | RuntimeException e) {
            plugins.close();
            throw e;
        }
        LOG.info("Evidence store: {} (photo {} MB, video {} MB, document {} MB)", blobs.describe(),
                config.photoMaxMegabytes(), config.videoMaxMegabytes(), config.documentMaxMegabytes());
    }

    @Override
    public StoredEvidence ingest(String tenantId, InputStream body) throws EvidenceRejectedException, IOException {
        return store.ingest(tenantId, body);
    }

    @Override
    public Optional<InputStream> open(String tenantId, String sha256, Rendition rendition) throws IOException {
        return store.open(tenantId, sha256, rendition);
    }

    @Override
    public long maxUploadBytes() {
        return store.maxUploadBytes();
    }

    @Deactivate
    void stop() {
        blobs.close();
        plugins.close();
    }

    static Path defaultDirectory() {
        String home = System.getProperty("gongzhi.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "evidence");
        }
        return Path.of(System.getProperty("karaf.data", "data"), "evidence");
    }

    /** Uploads interrupted by a stop leave their temporary files here. */
    private static void clean(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) {
            return;
        }
        try (var files = Files.list(incoming)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".part")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
