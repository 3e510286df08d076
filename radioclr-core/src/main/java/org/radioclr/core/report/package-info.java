/** Run reports: one self-contained HTML file per run, with tables and embedded PNG figures. */
package org.radioclr.core.report;
