/**
 * File-system helpers shared by every writer: atomic writes, output-folder checks, and the JSON
 * files ({@link org.radioclr.core.io.Json}).
 */
package org.radioclr.core.io;
