package org.gongzhi.core.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects of one bucket in S3-compatible object storage (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode),
 * through the AWS SDK v2 synchronous client with the JDK's {@code HttpURLConnection} transport passed explicitly
 * (no Netty, no service-loader lookup of an HTTP client). The bucket is created when missing. Every SDK call runs
 * with this bundle's class loader as thread context class loader: the SDK finds its interceptors and endpoint
 * rules as class path resources through it.
 */
final class S3BlobStore implements BlobStore {

    /** Connection settings; {@code accessKey} empty = the SDK's default chain (environment, profile, instance role). */
    record Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {
    }

    private static final ClassLoader BUNDLE_LOADER = S3BlobStore.class.getClassLoader();

    private final S3Client s3;
    private final String bucket;
    private final String description;

    S3BlobStore(Settings settings) throws IOException {
        this.bucket = settings.bucket();
        this.description = "s3 " + (settings.endpoint() == null ? "aws" : settings.endpoint()) + " bucket " + bucket;
        this.s3 = withBundleLoader(() -> build(settings));
        try {
            withBundleLoader(this::createBucketIfMissing);
        } catch (SdkException e) {
            s3.close();
            throw new IOException(description + ": " + e.getMessage(), e);
        }
    }

    private static S3Client build(Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey() == null || settings.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // S3-compatible servers differ in their support of the SDK's default trailing CRC checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private Void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another node created it meanwhile
            }
        }
        return null;
    }

    @Override
    public boolean putIfAbsent(String key, Path source, String mediaType) throws IOException {
        if (exists(key)) {
            return false;
        }
        call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(mediaType), RequestBody.fromFile(source)));
        return true;
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(call(() -> s3.getObject(b -> b.bucket(bucket).key(key))));
        } catch (IOException e) {
            if (e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            call(() -> s3.headObject(b -> b.bucket(bucket).key(key)));
            return true;
        } catch (IOException e) {
            if (e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        s3.close();
    }

    /** SDK failures become {@link IOException}s (404 included, as the cause: {@link NoSuchKeyException} or a bare 404). */
    private <T> T call(Supplier<T> work) throws IOException {
        try {
            return withBundleLoader(work);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (SdkException e) {
            throw new IOException("object storage: " + e.getMessage(), e);
        }
    }

    private static <T> T withBundleLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(BUNDLE_LOADER);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
