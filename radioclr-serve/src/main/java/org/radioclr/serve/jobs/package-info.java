/**
 * The job service: uploaded and registered files in the server's data folder (with size, type and
 * path checks), the catalogue of runnable apps with their option schema ({@link
 * org.radioclr.serve.jobs.AppCatalog}, supplied by the command line), and a pool of workers that
 * run each job as a separate {@code radioclr} process in its own folder, its state in SQLite.
 */
package org.radioclr.serve.jobs;
