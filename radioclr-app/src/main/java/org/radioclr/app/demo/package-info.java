/** The {@code radioclr demo} job: its built-in example data and the report it writes. */
package org.radioclr.app.demo;
