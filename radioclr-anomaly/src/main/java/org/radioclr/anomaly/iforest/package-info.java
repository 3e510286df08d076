/**
 * Isolation Forest (Liu, Ting &amp; Zhou 2008, 2012), written for speed on the JVM: trees in flat
 * primitive arrays, fitting parallel over trees and scoring parallel and streaming over rows. The
 * paper's anomaly search (§5.2) runs it over the top-ranked self-supervised features.
 */
package org.radioclr.anomaly.iforest;
