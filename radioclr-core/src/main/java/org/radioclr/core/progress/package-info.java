/** Progress reporting for long jobs, independent of how it is shown (terminal bar, web page). */
package org.radioclr.core.progress;
