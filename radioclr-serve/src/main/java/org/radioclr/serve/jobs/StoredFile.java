package org.radioclr.serve.jobs;

/**
 * A file the server holds for jobs.
 *
 * @param id the file's id (what job options name as {@code files/ID})
 * @param userId the owner
 * @param name the file name
 * @param kind {@code fits}, {@code datalist}, {@code table}, {@code catalogue}, {@code regions} or
 *     {@code model}
 * @param size bytes
 * @param path where it lies (inside the data folder, or an admin-registered server path)
 * @param registered whether it is a registered server path (never deleted from disk)
 * @param created ISO-8601 time
 */
public record StoredFile(
    String id,
    long userId,
    String name,
    String kind,
    long size,
    String path,
    boolean registered,
    String created) {}
