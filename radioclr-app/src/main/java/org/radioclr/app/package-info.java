/** The {@code radioclr} command line: one picocli command class per sub-command. */
package org.radioclr.app;
