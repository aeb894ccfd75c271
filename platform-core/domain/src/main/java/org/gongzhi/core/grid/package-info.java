/**
 * Grid hierarchy (网格化管理): district → street → community → grid → building, with
 * boundaries and point → grid lookup (JTS geometries, GeoJSON input).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gongzhi.core.grid;
