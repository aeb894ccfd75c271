package org.gongzhi.core.evidence.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * What a photo's own metadata says about where and when it was taken, and how it is to be turned for display
 * (EXIF orientation 1–8). Read from the original with metadata-extractor; anything missing or malformed is
 * simply absent (a photo without metadata is still a photo).
 *
 * @param capturedAt  EXIF DateTimeOriginal; without an offset tag in the file it is read in {@code zone}
 * @param latitude    WGS-84 degrees from the GPS directory
 * @param longitude   WGS-84 degrees from the GPS directory
 * @param orientation EXIF orientation, 1 (upright) when absent
 */
record CaptureFacts(Instant capturedAt, Double latitude, Double longitude, int orientation) {

    static final CaptureFacts NONE = new CaptureFacts(null, null, null, 1);

    static CaptureFacts read(Path file, TimeZone zone) {
        Metadata metadata;
        try (var in = Files.newInputStream(file)) {
            metadata = ImageMetadataReader.readMetadata(in, Files.size(file));
        } catch (Exception | StackOverflowError e) { // a hostile file must not fail the upload here
            return NONE;
        }
        Instant capturedAt = null;
        for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            Date date = exif.getDateOriginal(zone);
            if (date != null) {
                capturedAt = date.toInstant();
                break;
            }
        }
        Double latitude = null;
        Double longitude = null;
        for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null && !location.isZero() && Math.abs(location.getLatitude()) <= 90
                    && Math.abs(location.getLongitude()) <= 180) {
                latitude = location.getLatitude();
                longitude = location.getLongitude();
                break;
            }
        }
        int orientation = 1;
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null) {
            Integer value = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            if (value != null && value >= 1 && value <= 8) {
                orientation = value;
            }
        }
        return new CaptureFacts(capturedAt, latitude, longitude, orientation);
    }
}
