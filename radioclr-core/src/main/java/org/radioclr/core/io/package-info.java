/**
 * File-system helpers shared by every writer: atomic writes, output-folder checks, the JSON files
 * ({@link org.radioclr.core.io.Json}), the one CSV writer ({@link org.radioclr.core.io.Csv}) and
 * SHA-256 checksums ({@link org.radioclr.core.io.Sha256}).
 */
package org.radioclr.core.io;
