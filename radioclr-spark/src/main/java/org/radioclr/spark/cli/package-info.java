/**
 * {@code radioclr spark ...}: the Spark commands, added to the {@code radioclr} command line as a
 * {@link org.radioclr.app.CommandPlugin} (found by {@link java.util.ServiceLoader} when the
 * radioclr-spark jar is on the class path; {@code ./radioclr spark ...} builds and runs it).
 */
package org.radioclr.spark.cli;
