/**
 * The review database: one SQLite file in WAL mode holding users (hashed bearer tokens), rating
 * events (who, when, what; the current state is derived from them) and jobs.
 */
package org.radioclr.serve.db;
