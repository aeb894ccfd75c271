/**
 * Services of the platform core and the values they exchange. Implemented by the persistence
 * bundle; called by REST resources, shell commands and integration routes. Every method takes
 * the tenant (district) id first: implementations confine all reads and writes to it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.8.0")
package org.gongzhi.core.service;
