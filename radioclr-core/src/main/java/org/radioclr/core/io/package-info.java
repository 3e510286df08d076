/** File-system helpers shared by every writer: atomic writes and output-folder checks. */
package org.radioclr.core.io;
